# All callbacks run when the referent dies, most recently created first.
import weakref

class A:
    pass
log = []
a = A()
r1 = weakref.ref(a, lambda r: log.append("first"))
r2 = weakref.ref(a, lambda r: log.append("second"))
r3 = weakref.ref(a, lambda r: log.append("third"))
plain = weakref.ref(a)
print(r1() is a, r2 is not r3)
del a
print(log, plain() is None, r1() is None)

b = A()
def named(ref):
    log.append("named " + repr(ref() is None))
rb = weakref.ref(b, named)
rb2 = weakref.ref(b, named)
print(rb is rb2)
log = []
b = None
print(log)
print("done")
