# A class with more slots than an instance plan covers still has cycles through
# its first and last slots found and freed.
import gc
import weakref
gc.disable()


def freed(make):
    r = make()
    gc.collect()
    return r() is None


class Marker:
    pass


names = []
for i in range(80):
    names.append("s" + str(i))
names.append("__weakref__")
Wide = type("Wide", (), {"__slots__": tuple(names)})


def wide_cycle(i):
    w = Wide()
    setattr(w, "s" + str(i), w)
    return weakref.ref(w)


print("wide, first slot:", freed(lambda: wide_cycle(0)))
print("wide, last slot:", freed(lambda: wide_cycle(79)))
w = Wide()
w.s70 = Marker()
r = weakref.ref(w.s70)
gc.collect()
print("value of slot 70 alive:", r() is not None)
del w
print("freed with its holder:", r() is None)
