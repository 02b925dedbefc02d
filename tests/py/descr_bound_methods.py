# Functions are non-data descriptors: instance access binds, class access gives the function.
class A:
    def f(self, x):
        return "f " + repr(x)
class B(A):
    pass

a = B()
m = a.f
print(m(1), A.f(a, 2), B.f(a, 3))
print(m.__self__ is a, m.__func__ is A.f)
print(type(m).__name__, type(A.f).__name__)
print(m == a.f, m is a.f)
print(repr(m))
a.f = lambda x: "instance attribute " + repr(x)
print(a.f(4))
del a.f
print(a.f(5))
try:
    A.f(1)
except TypeError as e:
    print(type(e).__name__, e)
print(A.f.__name__, A.f.__qualname__, m.__name__)
