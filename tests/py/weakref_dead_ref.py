# If the weak reference dies before its referent, its callback is never called.
import weakref

class A:
    pass
log = []
a = A()
r = weakref.ref(a, lambda ref: log.append("called"))
del r
del a
print("callback log:", log)

b = A()
keep = weakref.ref(b, lambda ref: log.append("kept ref called"))
drop = weakref.ref(b, lambda ref: log.append("dropped ref called"))
drop = None
b = None
print(log)
print("done")
