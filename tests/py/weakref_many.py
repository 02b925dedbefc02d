# Many referents and weak references: every callback runs exactly once.
import weakref

class Item:
    def __init__(self, n):
        self.n = n

calls = []
items = []
refs = []
i = 0
while i < 200:
    item = Item(i)
    items.append(item)
    refs.append(weakref.ref(item, lambda ref: calls.append(1)))
    i += 1
del item
alive = 0
for r in refs:
    if r() is not None:
        alive += 1
print(alive, len(calls))
items = None
dead = 0
for r in refs:
    if r() is None:
        dead += 1
print(dead, len(calls))
print("done")
