# A dunder set on a base after creation is seen by instances of subclasses; deleting it
# restores the error.
class Base:
    pass
class Mid(Base):
    pass
class Leaf(Mid):
    pass

x = Leaf()
try:
    print(x + 1)
except TypeError as e:
    print(type(e).__name__, e)

def add(self, other):
    return "added " + repr(other)
Base.__add__ = add
print(x + 1)
print(Mid() + 2)

def mid_add(self, other):
    return "mid " + repr(other)
Mid.__add__ = mid_add
print(x + 3, Base() + 3)

del Mid.__add__
print(x + 4)
del Base.__add__
try:
    print(x + 5)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(Leaf, "__add__"))
