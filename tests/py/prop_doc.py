# Docstrings: functions, classes, and a property taking its getter's doc.
def getter(self):
    "the value"
    return 1

class A:
    "A class doc"
    v = property(getter)
    w = property(getter, None, None, "explicit doc")
    def m(self):
        "method doc"
        return 2
    def nodoc(self):
        return 3

class B(A):
    pass

print(A.__doc__)
print(B.__doc__)
print(A.v.__doc__, "/", A.w.__doc__)
print(A.m.__doc__, A.nodoc.__doc__)
print(getter.__doc__)
print(A().m.__doc__)
A.__doc__ = "changed"
print(A.__doc__, B.__doc__)
print(object.__doc__ is None, type(int.__doc__).__name__)
