# __class__ assignment refused between incompatible or immutable types.
Bool = type(True)
class C:
    pass

def attempt(obj, cls):
    try:
        obj.__class__ = cls
        print("assigned", type(obj).__name__)
    except TypeError as e:
        print(type(e).__name__, e)

attempt(C(), list)
attempt([], C)
attempt(C(), object)
attempt(object(), list)
attempt(True, int)
attempt(2, Bool)
attempt(C(), 1)
attempt(C(), "C")
attempt(C(), C)
c = C()
try:
    del c.__class__
except TypeError as e:
    print(type(e).__name__, e)
print(type(c).__name__)
