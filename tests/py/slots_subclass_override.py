# A subclass that defines a dunder itself is not affected by changes to that dunder on a base.
class Base:
    def __len__(self):
        return 1
    def __repr__(self):
        return "Base-ish"
class Own(Base):
    def __len__(self):
        return 2
class Inherit(Base):
    pass
class Deep(Own):
    pass

print(len(Own()), len(Inherit()), len(Deep()))
Base.__len__ = lambda self: 10
print(len(Own()), len(Inherit()), len(Deep()))
del Own.__len__
print(len(Own()), len(Deep()))
del Base.__len__
for obj in [Own(), Inherit(), Deep()]:
    try:
        len(obj)
    except TypeError as e:
        print(type(e).__name__, e)
Own.__len__ = lambda self: 5
print(len(Deep()), hasattr(Inherit, "__len__"))
print(repr(Deep()))
Deep.__repr__ = lambda self: "deep"
Base.__repr__ = lambda self: "changed"
print(repr(Deep()), repr(Own()), repr(Inherit()))
