# Slots are inherited; a subclass without __slots__ gets a __dict__ again.
class Base:
    __slots__ = ["a"]
class MoreSlots(Base):
    __slots__ = ["b"]
class WithDict(Base):
    pass

m = MoreSlots()
m.a = 1
m.b = 2
print(m.a, m.b)
try:
    m.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
w = WithDict()
w.a = 1
w.c = 3
print(w.a, w.c, w.__dict__)
print(MoreSlots.__slots__, WithDict.__dict__["__dict__"] is not None)
print("a" in MoreSlots.__dict__, "a" in Base.__dict__, "b" in MoreSlots.__dict__)
class Deep(MoreSlots):
    __slots__ = ()
d = Deep()
d.a = "da"
d.b = "db"
print(d.a, d.b)
try:
    d.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
