# Bound methods (`method`) and builtin functions (`builtin_function_or_method`) are weakly
# referenceable, without a `__weakref__` attribute of their own; their weak references
# die, and their callbacks run, when the callable dies by refcount or by the collector.
import gc
import weakref

log = []

class C:
    def m(self):
        return "m of " + self.name

c = C()
c.name = "c"

# A bound method held by a name: alive while held, cleared (callback run) when dropped.
bm = c.m
r = weakref.ref(bm, lambda ref: log.append(("method died", ref() is None)))
print(type(bm).__name__, r() is bm, r()())
del bm
print(r() is None, log)

# A temporary bound method dies at once.
log.clear()
r = weakref.ref(c.m, lambda ref: log.append("temporary died"))
print(r(), log)

# A static builtin function lives for ever.
rl = weakref.ref(len)
print(type(len).__name__, rl() is len, rl()("abc"))
print(weakref.ref(len) is rl)

# A bound builtin method ([].append) dies with its last reference.
log.clear()
a = []
ap = a.append
ra = weakref.ref(ap, lambda ref: log.append("append died"))
ra()(1)
print(a, ra() is ap, log)
ap = None
print(ra(), log)

# Several weak references with callbacks: all cleared first, callbacks newest first.
log.clear()
bm = c.m
plain = weakref.ref(bm)
w1 = weakref.ref(bm, lambda ref: log.append(("first", plain() is None)))
w2 = weakref.ref(bm, lambda ref: log.append(("second", w1() is None)))
print(plain() is bm, w1() is bm, w2() is bm, plain == w1)
del bm
print(log, plain(), w1(), w2())

# Equality and hash follow the referents while they live.
bm1 = c.m
bm2 = c.m
print(bm1 is bm2, bm1 == bm2, weakref.ref(bm1) == weakref.ref(bm2))
print(hash(weakref.ref(bm1)) == hash(bm1))
del bm1, bm2

# A method in a cycle (its instance holds it) dies in a collection; the callback runs.
gc.disable()
log.clear()
d = C()
d.name = "d"
d.keep = d.m
rd = weakref.ref(d.keep, lambda ref: log.append("cycle method died"))
del d
print("before collect:", rd() is not None, log)
gc.collect()
print("after collect:", rd() is None, log)
gc.enable()

# Many methods made and dropped after one died with weak references: a fresh method is
# not reached by the old weak references, and has none of its own.
log.clear()
old = weakref.ref(c.m, lambda ref: log.append("old"))
fresh = [c.m for i in range(100)]
print(old(), log, all(f() == "m of c" for f in fresh))
rf = weakref.ref(fresh[-1], lambda ref: log.append("fresh"))
del fresh
print(rf(), log)

# No `__weakref__` attribute on either type (a method forwards the lookup to its
# function, which has none either).
print(hasattr(len, "__weakref__"), hasattr([].append, "__weakref__"))
print("__weakref__" in type(c.m).__dict__, "__weakref__" in type(len).__dict__)
try:
    len.__weakref__
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.m.__weakref__
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(c.m, "__weakref__"))
print(type(len).__weakrefoffset__, type(c.m).__weakrefoffset__)
print("done")
