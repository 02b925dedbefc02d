# A finalizer in a cycle resurrects the cycle; the finalizers never run a second time.
import gc
import weakref
gc.disable()
saved = []
log = []

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(self.name)
        if self.name == "a":
            saved.append(self)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
wb = weakref.ref(b)
del a
del b
gc.collect()
# Weak references into the garbage are cleared before finalizers run, so wb is dead even
# though b itself was resurrected along with a.
print(sorted(log), len(saved), wb() is None, saved[0].other.name)
wb2 = weakref.ref(saved[0].other)
log = []
saved = []
print("dropped again, alive until collect:", wb2() is not None)
gc.collect()
print(log, wb2() is None)
print("done")
