# Cycles through dicts and instance dicts.
import gc
import weakref
gc.disable()

class Obj:
    pass

o = Obj()
d = {"owner": o, "n": 1}
o.table = d
r = weakref.ref(o)
del o
del d
print("alive:", r() is not None, r().table["n"])
gc.collect()
print("alive after collect:", r() is not None)

x = Obj()
y = Obj()
x.__dict__["y"] = y
y.__dict__["registry"] = {"x": x, "nested": {"again": x}}
rx = weakref.ref(x)
ry = weakref.ref(y)
x = None
y = None
print(rx() is not None, ry() is not None)
gc.collect()
print(rx() is None, ry() is None)
print("done")
