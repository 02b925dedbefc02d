# Objects with finalizers in a cycle are finalized and freed by gc.collect() (PEP 442).
import gc
import weakref
gc.disable()
log = []

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append("del " + self.name + " partner " + self.partner.name)

a = Node("a")
b = Node("b")
a.partner = b
b.partner = a
wa = weakref.ref(a)
del a
del b
print("after del:", log, wa() is not None)
gc.collect()
print("after collect:", sorted(log), wa() is None)
log = []
gc.collect()
print("second collect:", log)
print("done")
