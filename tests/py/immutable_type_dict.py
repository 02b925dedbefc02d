# A class's __dict__ is a read-only view; writes must go through setattr.
class A:
    x = 1

try:
    A.__dict__["x"] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__dict__["x"] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    del A.__dict__["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    A.__dict__ = {}
except AttributeError as e:
    print(type(e).__name__, e)
setattr(A, "x", 3)
print(A.__dict__["x"], A.x, len(A.__dict__) > 0)
print("__add__" in int.__dict__, "__add__" in A.__dict__, "x" in A.__dict__)
print(A.__dict__["__module__"], A.__dict__["__doc__"])
