# A cycle reachable from outside is never collected; once unreachable, it is.
import gc
import weakref
gc.disable()

class Node:
    pass

a = Node()
b = Node()
a.b = b
b.a = a
ra = weakref.ref(a)
keeper = [b]
del a
del b
gc.collect()
print("kept by list:", ra() is not None, keeper[0].a is ra())
gc.collect()
print("still kept:", ra() is not None)
keeper = None
print("unreachable but not yet collected:", ra() is not None)
gc.collect()
print("collected:", ra() is None)
print("done")
