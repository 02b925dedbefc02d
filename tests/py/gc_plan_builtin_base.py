# Cycles through instances of classes over list and dict (slots, items, values)
# are found and freed.
import gc
import weakref
gc.disable()


def freed(make):
    r = make()
    gc.collect()
    return r() is None


class Marker:
    pass


class L(list):
    __slots__ = ("tag", "__weakref__")


class LL(L):
    pass


def list_cycle(through_slot):
    x = LL()
    if through_slot:
        x.tag = x
    else:
        x.append(x)
    x.extra = 1
    return weakref.ref(x)


print("list subclass, cycle through slot:", freed(lambda: list_cycle(True)))
print("list subclass, cycle through item:", freed(lambda: list_cycle(False)))


class D(dict):
    pass


def dict_cycle():
    d = D()
    d["me"] = d
    d.attr = 1
    return weakref.ref(d)


print("dict subclass cycle:", freed(dict_cycle))
