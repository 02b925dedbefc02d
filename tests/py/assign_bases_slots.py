# Dunders that drive slots follow a __bases__ assignment.
class Adds:
    def __add__(self, other):
        return "Adds"
    def __len__(self):
        return 7
class Plain:
    pass
class Child(Plain):
    pass
class Grand(Child):
    pass

g = Grand()
try:
    g + 1
except TypeError as e:
    print(type(e).__name__, e)
Child.__bases__ = (Adds,)
print(g + 1, len(g))
Child.__bases__ = (Plain,)
try:
    len(g)
except TypeError as e:
    print(type(e).__name__, e)
Child.__bases__ = (Plain, Adds)
print(g + 2, len(Child()))
Grand.__len__ = lambda self: 1
Child.__bases__ = (Plain,)
print(len(g))
