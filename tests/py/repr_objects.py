# Default reprs of instances, classes and functions (addresses are normalised by the harness).
class A:
    pass
class Outer:
    class Inner:
        pass
def func():
    pass
def make():
    def local():
        pass
    return local

print(A())
print(Outer.Inner())
print(A, Outer.Inner, int, type, object)
print(func)
print(make())
print(len, print)
lam = lambda: 0
print(lam)
print(repr(A()) == str(A()), repr(A) == str(A))
a = A()
a.me = a
print(a.__dict__)
print([A, func])
