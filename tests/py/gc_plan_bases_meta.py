# After __bases__ assignment, and for a class of a metaclass, cycles through
# instances (and a class held only by its instances) are found and freed.
import gc
import weakref
gc.disable()


def freed(make):
    r = make()
    gc.collect()
    return r() is None


class Marker:
    pass


class P:
    pass


class Q:
    pass


class R(P):
    __slots__ = ("r",)


R.__bases__ = (Q,)


def moved_cycle():
    r = R()
    r.r = r
    r.v = [r]
    return weakref.ref(r)


print("after __bases__ assignment:", freed(moved_cycle), R.__mro__[1] is Q)


class Meta(type):
    pass


def class_cycle():
    K = Meta("K", (), {})
    k = K()
    k.me = k
    K.inst = k
    return weakref.ref(K)


print("class held only by its instance cycle:", freed(class_cycle))
print("collected nothing else:", gc.collect())
