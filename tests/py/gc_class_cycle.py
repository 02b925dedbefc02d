# A class whose instance is stored on the class itself forms a cycle freed by the collector.
import gc
import weakref
gc.disable()

class Singleton:
    pass
Singleton.instance = Singleton()
rc = weakref.ref(Singleton)
ri = weakref.ref(Singleton.instance)
del Singleton
print("class alive:", rc() is not None, ri() is not None)
gc.collect()
print("class freed:", rc() is None, ri() is None)

def make_pair():
    class A:
        pass
    class B(A):
        pass
    return weakref.ref(A), weakref.ref(B)
ra, rb = make_pair()
gc.collect()
print("unused classes freed:", ra() is None, rb() is None)
print("done")
