# getattr, setattr, hasattr and delattr; hasattr only swallows AttributeError.
class A:
    cls_value = "on class"
a = A()
setattr(a, "x", 1)
print(getattr(a, "x"), getattr(a, "cls_value"), getattr(a, "nope", "default"))
print(hasattr(a, "x"), hasattr(a, "nope"), hasattr(A, "cls_value"), hasattr(A, "x"))
delattr(a, "x")
print(hasattr(a, "x"))
try:
    delattr(a, "x")
except AttributeError as e:
    print(type(e).__name__, e)
class Exploding:
    @property
    def boom(self):
        raise ValueError("not an AttributeError")
try:
    hasattr(Exploding(), "boom")
except ValueError as e:
    print("hasattr propagated", type(e).__name__, e)
try:
    getattr(Exploding(), "boom", "default")
except ValueError as e:
    print("getattr propagated", type(e).__name__, e)
setattr(A, "added", lambda self: "method added with setattr")
print(a.added())
print(getattr(5, "real"), getattr("s", "nothing", None))
try:
    setattr(a, "y")
except TypeError as e:
    print(type(e).__name__, e)
