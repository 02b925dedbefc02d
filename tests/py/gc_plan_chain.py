# Cycles through named slots at every level of a class chain and through the
# values are found and freed.
import gc
import weakref
gc.disable()


def freed(make):
    r = make()
    gc.collect()
    return r() is None


class Marker:
    pass


class A:
    __slots__ = ("a", "__weakref__")


class B(A):
    __slots__ = ("b",)


class C(B):
    pass


def chain_cycle(level):
    c = C()
    m = Marker()
    if level == "a":
        c.a = m
    elif level == "b":
        c.b = m
    else:
        c.x = m
    m.back = c
    return weakref.ref(c)


print("cycle through A's slot:", freed(lambda: chain_cycle("a")))
print("cycle through B's slot:", freed(lambda: chain_cycle("b")))
print("cycle through C's dict:", freed(lambda: chain_cycle("x")))

c = C()
c.a = Marker()
c.b = Marker()
c.x = Marker()
c.a.back = c
r = weakref.ref(c.b)
del c
gc.collect()
print("slot values freed with the cycle:", r() is None)
