# The instance __dict__ is a real dict; replacing it changes the attributes.
class A:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2

x = A()
print(x.__dict__)
x.__dict__["c"] = 3
print(x.c)
x.__dict__ = {"z": 26}
print(x.z, hasattr(x, "a"), x.cls_attr)
try:
    x.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print("cls_attr" in A.__dict__, "a" in A.__dict__, "__init__" in A.__dict__)
print(type(A.__dict__).__name__, type(x.__dict__).__name__)
try:
    A.__dict__["new"] = 1
except TypeError as e:
    print(type(e).__name__, e)
del x.__dict__
print(x.__dict__)
x.q = 1
print(x.__dict__)
