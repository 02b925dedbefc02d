# Cycles through lists, including a list that contains its holder.
import gc
import weakref
gc.disable()

class Box:
    pass

box = Box()
box.items = [1, 2, box]
r = weakref.ref(box)
del box
print("alive after del:", r() is not None, len(r().items))
gc.collect()
print("alive after collect:", r() is not None)

lst = []
holder = Box()
holder.lst = lst
lst.append(lst)
lst.append(holder)
rh = weakref.ref(holder)
del lst
del holder
print("holder alive:", rh() is not None)
gc.collect()
print("holder alive after collect:", rh() is not None)
print("done")
