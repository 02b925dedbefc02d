# Some builtin types cannot be subclassed.
Bool = type(True)
NoneType = type(None)
Func = type(len)

for base in [Bool, NoneType, Func, type(NotImplemented)]:
    try:
        class Sub(base):
            pass
        print("created a subclass of", base)
    except TypeError as e:
        print(type(e).__name__, e)

try:
    type("T", (Bool,), {})
except TypeError as e:
    print(type(e).__name__, e)

try:
    class NotAType(5):
        pass
except TypeError as e:
    print(type(e).__name__)

class IntSub(int):
    pass
print(IntSub.__mro__)
print(IntSub(7) + 1, isinstance(IntSub(7), int))
