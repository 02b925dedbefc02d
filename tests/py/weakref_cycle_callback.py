# When the collector frees a cycle, callbacks of outside weakrefs run; a weakref that is
# itself part of the garbage never calls back.
import gc
import weakref
gc.disable()
log = []

class Node:
    pass

a = Node()
b = Node()
a.peer = b
b.peer = a
outside = weakref.ref(a, lambda ref: log.append("outside callback"))
b.inner = weakref.ref(a, lambda ref: log.append("inner callback"))
del a
del b
print("before collect:", log, outside() is not None)
gc.collect()
print("after collect:", log, outside() is None)
print("done")
