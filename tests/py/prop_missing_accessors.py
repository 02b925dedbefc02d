# Messages when a property lacks a getter, setter or deleter.
class A:
    empty = property()
    ro = property(lambda self: "read only")

    def _set(self, v):
        self.__dict__["w"] = v
    wo = property(None, _set)

a = A()
try:
    a.empty
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a.empty = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(a.ro)
try:
    a.ro = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del a.ro
except AttributeError as e:
    print(type(e).__name__, e)
a.wo = 3
print(a.__dict__)
try:
    a.wo
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(a, "wo", "no getter"), hasattr(a, "ro"), hasattr(a, "empty"))
