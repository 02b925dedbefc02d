# An object referring to itself is freed only by the collector, and finalized exactly once.
import gc
import weakref
gc.disable()

class Selfish:
    count = 0
    def __del__(self):
        Selfish.count += 1
        print("finalizing, self.me is self:", self.me is self)

s = Selfish()
s.me = s
w = weakref.ref(s)
del s
print("after del, alive:", w() is not None, Selfish.count)
gc.collect()
print("after collect, alive:", w() is not None, Selfish.count)
gc.collect()
print("count after second collect:", Selfish.count)
print("done")
