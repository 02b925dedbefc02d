# object(): the root class, its default methods and instances without a __dict__.
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
print(object.__name__, object.__qualname__, object.__module__, object.__bases__)
class A:
    pass
a = A()
print(a.__class__ is A, A.__class__ is type, object.__class__ is type)
print(a.__eq__(a), a.__eq__(1), a.__ne__(a), a.__ne__(1))
print(a.__hash__() == hash(a), a.__str__() == a.__repr__())
n = object.__new__(A)
print(type(n).__name__)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(int)
    print("object.__new__(int) worked")
except TypeError as e:
    print(type(e).__name__, e)
print(object.__init__(a) is None)
print(A.__init__ is object.__init__, A.__repr__ is object.__repr__)
print(callable(object), callable(o))
