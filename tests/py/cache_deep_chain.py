# A long single-inheritance chain: the cached value must follow changes anywhere in it.
classes = [object]
i = 0
while i < 30:
    classes.append(type("K" + str(i), (classes[len(classes) - 1],), {}))
    i += 1
Root = classes[1]
Leaf = classes[30]
Mid = classes[15]

Root.attr = "root"
leaf = Leaf()
print(leaf.attr, Leaf.attr, len(Leaf.__mro__))
Mid.attr = "mid"
print(leaf.attr, classes[10].attr, classes[20].attr)
classes[29].attr = "near"
print(leaf.attr, classes[28].attr)
del Mid.attr
print(leaf.attr, classes[20].attr)
del classes[29].attr
print(leaf.attr, classes[29].attr)
del Root.attr
print(hasattr(leaf, "attr"), hasattr(Leaf, "attr"))
Root.attr = "root again"
print(leaf.attr, Leaf.__mro__[30].__name__)
