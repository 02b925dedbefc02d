# weakref.ref returns the referent while it lives and None afterwards.
import weakref

class A:
    pass

a = A()
r = weakref.ref(a)
print(r() is a, type(r).__name__)
b = a
del a
print(r() is b)
del b
print(r() is None, r())
c = A()
r1 = weakref.ref(c)
r2 = weakref.ref(c)
print(r1() is r2(), r1 == r2)
c = None
print(r1() is None, r2() is None)
def f():
    return 1
rf = weakref.ref(f)
rc = weakref.ref(A)
print(rf() is f, rc() is A, rf()())
print(callable(r), isinstance(r, weakref.ref))
print("done")
