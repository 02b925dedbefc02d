# Classes are collectable: a class nobody uses is freed by the collector, calling back.
import gc
import weakref
gc.disable()
log = []

def make():
    class Temp:
        def method(self):
            return "method"
    class TempSub(Temp):
        pass
    return Temp

T = make()
sub = T.__subclasses__()[0]
rt = weakref.ref(T, lambda ref: log.append("Temp freed"))
rs = weakref.ref(sub, lambda ref: log.append("TempSub freed"))
print(sub().method(), len(T.__subclasses__()))
del sub
gc.collect()
print(sorted(log), len(T.__subclasses__()))
instance = T()
del T
gc.collect()
print(sorted(log), rt() is not None)
del instance
gc.collect()
print(sorted(log), rt() is None)
print("done")
