# Failed attempts to patch builtin types leave their behaviour unchanged.
def attempt(cls, name, value):
    try:
        setattr(cls, name, value)
        print("patched", cls.__name__, name)
    except TypeError as e:
        print(type(e).__name__, e)

attempt(int, "__add__", lambda a, b: "hacked")
attempt(list, "__len__", lambda self: -1)
attempt(object, "__repr__", lambda self: "hacked")
attempt(str, "__eq__", lambda a, b: True)
print(1 + 2, len([1, 2]), "a" == "b")
class A:
    pass
print(repr(A()) != "hacked")
try:
    del int.__add__
except TypeError as e:
    print(type(e).__name__, e)
print(2 + 2, int.__add__(2, 2))
try:
    type.__setattr__(object, "__eq__", None)
except TypeError as e:
    print(type(e).__name__, e)
print(object() == object(), A() == A())
