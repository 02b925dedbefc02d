# A cycle that passes through a tuple (immutable, but it can hold a mutable list).
import gc
import weakref
gc.disable()

class Obj:
    pass

o = Obj()
inner = []
o.t = (1, inner, "s")
inner.append(o)
r = weakref.ref(o)
del o
del inner
print("alive:", r() is not None, r().t[0], r().t[1][0] is r())
gc.collect()
print("alive after collect:", r() is not None)
p = Obj()
p.t = ((p,),)
rp = weakref.ref(p)
p = None
print(rp() is not None)
gc.collect()
print(rp() is None)
print("done")
