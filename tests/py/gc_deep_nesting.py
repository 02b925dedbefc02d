# Deeply nested containers are freed without overflowing the stack.
import gc
import weakref
gc.disable()

class Leaf:
    pass

leaf = Leaf()
rl = weakref.ref(leaf)
nested = [leaf]
del leaf
i = 0
while i < 100000:
    nested = [nested]
    i += 1
print("depth built")
nested = None
print("nested lists freed:", rl() is None)

t = ()
i = 0
while i < 100000:
    t = (t, i)
    i += 1
print(t[1], len(t))
t = None

holder = Leaf()
rh = weakref.ref(holder)
deep = [holder]
i = 0
while i < 50000:
    deep = [deep]
    i += 1
holder.deep = deep
del deep
del holder
print("cycle through deep nesting alive:", rh() is not None)
gc.collect()
print("collected:", rh() is None)
print("done")
