# Cached lookups are invalidated by a __bases__ assignment anywhere above.
class X:
    tag = "X"
    def f(self):
        return "X.f"
class Y:
    tag = "Y"
    def f(self):
        return "Y.f"
class Mid(X):
    pass
class Leaf(Mid):
    pass

leaf = Leaf()
for i in range(2):
    print(leaf.tag, leaf.f(), Leaf.tag)
Mid.__bases__ = (Y,)
for i in range(2):
    print(leaf.tag, leaf.f(), Leaf.tag)
Mid.__bases__ = (X, Y)
print(leaf.tag, leaf.f())
X.tag = "X2"
Y.tag = "Y2"
print(leaf.tag, Leaf.tag)
del X.tag
print(leaf.tag)
Mid.__bases__ = (Y, X)
print(leaf.f(), leaf.tag)
