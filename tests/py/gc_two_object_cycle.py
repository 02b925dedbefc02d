# A two-object cycle survives `del` and is freed only by gc.collect().
import gc
import weakref
gc.disable()

class Node:
    pass

a = Node()
b = Node()
a.other = b
b.other = a
ra = weakref.ref(a)
rb = weakref.ref(b)
del a
del b
print("after del:", ra() is not None, rb() is not None)
print("still linked:", ra().other is rb())
gc.collect()
print("after collect:", ra() is None, rb() is None)
print("enabled:", gc.isenabled())
print("done")
