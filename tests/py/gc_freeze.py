# gc.freeze() moves every tracked object to a permanent generation the collector ignores.
import gc
import weakref
gc.disable()

class Node:
    pass

a = Node()
a.me = a
ra = weakref.ref(a)
gc.freeze()
del a
gc.collect()
print("frozen cycle survives collect:", ra() is not None)

b = Node()
b.me = b
rb = weakref.ref(b)
del b
gc.collect()
print("cycle created after freeze collected:", rb() is None)
print("frozen one still alive:", ra() is not None)
print("done")
