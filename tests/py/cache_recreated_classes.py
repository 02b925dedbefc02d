# Classes created and destroyed in a loop, each with the same attribute names: no stale value
# from a dead class may be served to a new one.
import gc

def make(i):
    class Temp:
        value = i
        def get(self):
            return self.value
    return Temp

seen = []
for i in range(50):
    T = make(i)
    t = T()
    if t.get() != i or T.value != i:
        print("stale value at", i)
    seen.append(t.get())
    del t
    del T
    gc.collect()
print(len(seen), seen[0], seen[49])
total = 0
for x in seen:
    total += x
print(total)
