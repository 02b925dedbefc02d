# Several cycles collected at once; each outside weakref calls back exactly once.
import gc
import weakref
gc.disable()
log = []

class Node:
    def __init__(self, name):
        self.name = name

refs = []
for name in ["p", "q", "r", "s"]:
    x = Node(name)
    y = Node(name + "2")
    x.other = y
    y.other = x
    refs.append(weakref.ref(x, lambda ref: log.append("x")))
    refs.append(weakref.ref(y, lambda ref: log.append("y")))
del x
del y
alive = 0
for r in refs:
    if r() is not None:
        alive += 1
print(alive, log)
gc.collect()
alive = 0
for r in refs:
    if r() is not None:
        alive += 1
print(alive, sorted(log))
print("done")
