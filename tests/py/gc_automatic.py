# With the collector enabled, creating many cycles triggers collections automatically.
import gc
import weakref

class Node:
    pass

print(gc.isenabled(), gc.get_threshold())
refs = []
i = 0
while i < 20000:
    a = Node()
    b = Node()
    a.b = b
    b.a = a
    if i % 100 == 0:
        refs.append(weakref.ref(a))
    i += 1
del a
del b
freed = 0
for r in refs:
    if r() is None:
        freed += 1
print("some freed without an explicit collect:", freed > 0)
gc.collect()
freed = 0
for r in refs:
    if r() is None:
        freed += 1
print("all freed after collect:", freed == len(refs), len(refs))
print("done")
