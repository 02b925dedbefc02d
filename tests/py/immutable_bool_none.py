# True, False, None and NotImplemented are singletons that cannot be altered.
Bool = type(True)
NoneType = type(None)
print(type(True).__name__, type(None).__name__, type(NotImplemented).__name__)
print(True + True, True * 3, -True, False == 0, True == 1)
print(repr(None), str(True), repr(False), str(NotImplemented))
print("NoneType() is", NoneType(), NoneType() is None)
for obj in [True, None, NotImplemented]:
    try:
        obj.x = 1
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    Bool.x = 1
except TypeError as e:
    print(type(e).__name__, e)
print(hash(True), hash(False), hash(None) == hash(None))
print(None is None, True is not False, isinstance(True, int))
