# An exception in a weakref callback is printed to stderr and ignored.
import weakref

class A:
    pass

def bad(ref):
    print("bad callback runs")
    raise RuntimeError("callback failed")

def good(ref):
    print("good callback runs")

a = A()
r1 = weakref.ref(a, good)
r2 = weakref.ref(a, bad)
del a
print("execution continues")
b = A()
r3 = weakref.ref(b, bad)
try:
    b = None
    print("no exception seen here")
except RuntimeError:
    print("should not happen")
print("done")
