# Cycles through slot attributes are seen and freed by the collector.
import gc
import weakref
gc.disable()

class Cell:
    __slots__ = ["value", "__weakref__"]

a = Cell()
b = Cell()
a.value = b
b.value = [a]
ra = weakref.ref(a)
del a
del b
print("alive after del:", ra() is not None)
gc.collect()
print("freed by collect:", ra() is None)
c = Cell()
c.value = c
rc = weakref.ref(c)
c = None
gc.collect()
print("self cycle freed:", rc() is None)
print("done")
