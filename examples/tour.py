# A tour of pyrt through minipy, its toy interpreter:
#     cargo run --release -- examples/tour.py
# Every class below is a pyrt type object built by pyrt's class-creation path; every
# operator, attribute access and call goes through pyrt's slots; memory is refcounting
# plus pyrt's cycle collector. The script also runs unchanged on CPython 3.11.
import gc
import weakref


def names(classes):
    return [c.__name__ for c in classes]


print("== 1. A diamond and its C3 method resolution order")


class Base:
    def who(self):
        return "Base"


class Left(Base):
    def who(self):
        return "Left>" + super().who()


class Right(Base):
    def who(self):
        return "Right>" + super().who()


class Diamond(Left, Right):
    def who(self):
        return "Diamond>" + super().who()


print("Diamond.__mro__ =", names(Diamond.__mro__))
print("Diamond().who() =", Diamond().who())

print("== 2. An inconsistent hierarchy is rejected")
try:
    class Bad(Base, Left):
        pass
except TypeError as e:
    print("TypeError:", e)

print("== 3. Operators are inherited through the slots")


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return type(self)(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"{type(self).__name__}({self.x}, {self.y})"


class Vec3(Vec):
    pass


print(Vec3(1, 2) + Vec3(10, 20), Vec3(1, 2) == Vec3(1, 2))

print("== 4. A dunder patched on a base is seen by instances of a subclass")
v = Vec3(3, 4)
print("before:", repr(v))
Vec.__repr__ = lambda self: f"<patched {self.x},{self.y}>"
print("after: ", repr(v))

print("== 5. A cycle, freed only by the collector, with a weakref callback and a finalizer")


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print("  finalizer of", self.name)


a, b = Node("a"), Node("b")
a.partner, b.partner = b, a
probe = weakref.ref(a, lambda ref: print("  weakref callback: referent gone ->", ref() is None))
del a, b
print("after del, still alive:", probe() is not None)
print("gc.collect() found", gc.collect(), "unreachable objects")
print("after collect, alive:", probe() is not None)

print("== 6. Statistics")
for gen, st in enumerate(gc.get_stats()):
    print(f"  gc generation {gen}: {st['collections']} collections, {st['collected']} collected")
try:
    import pyrt
    s = pyrt.cache_stats()
    print(f"  method cache: {s['hits']} hits, {s['misses']} misses, {s['fills']} fills,"
          f" {s['invalidations']} invalidations, {s['tags_assigned']} version tags")
except ImportError:
    print("  method cache: (pyrt only)")
