# Attribute names must be strings.
class A:
    pass
a = A()
try:
    getattr(a, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(a, 2, "v")
except TypeError as e:
    print(type(e).__name__, e)
try:
    hasattr(a, None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    delattr(a, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(a)
except TypeError as e:
    print(type(e).__name__, e)
setattr(a, "with space", 1)
print(getattr(a, "with space"), a.__dict__)
print(getattr(a, "missing", None), getattr(A, "missing", 0))
try:
    getattr(a, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
