# On refcount death the finalizer runs first, then weak references are cleared and their
# callbacks run, seeing the referent already dead.
import weakref

class Obj:
    def __del__(self):
        print("__del__, weakref still alive:", r() is self)

def callback(ref):
    print("callback, referent gone:", ref() is None, ref is r)

o = Obj()
r = weakref.ref(o, callback)
print("deleting")
del o
print("after delete:", r() is None)

class Plain:
    pass
p = Plain()
r2 = weakref.ref(p, lambda ref: print("plain callback", ref() is None))
p = 5
print("done")
