# Builtin values without a weakref slot cannot be weakly referenced.
import weakref

for value in [1, "s", (1, 2), [1], {"a": 1}, None, True]:
    try:
        weakref.ref(value)
        print("created for", type(value).__name__)
    except TypeError as e:
        print(type(e).__name__, e)

class NoSlot:
    __slots__ = ["x"]
class WithSlot:
    __slots__ = ["x", "__weakref__"]
try:
    weakref.ref(NoSlot())
except TypeError as e:
    print(type(e).__name__, e)
w = WithSlot()
r = weakref.ref(w)
print(r() is w)
del w
print(r() is None)
class Sub(int):
    pass
try:
    weakref.ref(Sub(3))
except TypeError as e:
    print(type(e).__name__, e)
print("done")
