# A recursive nested function refers to itself through its closure: a cycle.
import gc
import weakref
gc.disable()

def outer():
    def fact(n):
        if n <= 1:
            return 1
        return n * fact(n - 1)
    return fact

f = outer()
print(f(10))
rf = weakref.ref(f)
del f
print("function alive after del:", rf() is not None)
gc.collect()
print("function freed by collect:", rf() is None)

class Obj:
    def method(self):
        return "bound"
o = Obj()
o.saved = o.method
ro = weakref.ref(o)
print(o.saved())
del o
print("object alive (bound method cycle):", ro() is not None)
gc.collect()
print("object freed:", ro() is None)
print("done")
