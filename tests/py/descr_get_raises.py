# AttributeError raised inside a descriptor's __get__ falls back to __getattr__.
class Flaky:
    def __get__(self, obj, owner):
        if obj is None:
            return self
        raise AttributeError("flaky failed")

class A:
    f = Flaky()
class B(A):
    def __getattr__(self, name):
        return "getattr(" + name + ")"

try:
    A().f
except AttributeError as e:
    print(type(e).__name__, e)
print(B().f)
print(hasattr(A(), "f"), hasattr(B(), "f"))
print(getattr(A(), "f", "default"))

class Other:
    def __get__(self, obj, owner):
        raise KeyError("k")
class C(B):
    g = Other()
try:
    C().g
except KeyError as e:
    print(type(e).__name__, e)
