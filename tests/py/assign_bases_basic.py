# Assigning __bases__ changes methods, MROs of subclasses, and the subclass registries.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class C:
    def meth(self):
        return "C"
class C2:
    def meth(self):
        return "C2"
    def extra(self):
        return "extra"
class D(C):
    pass
class E(D):
    pass

e = E()
print(e.meth(), names(E.__mro__))
D.__bases__ = (C2,)
print(e.meth(), e.extra(), names(E.__mro__), names(D.__mro__))
print(names(C2.__subclasses__()), names(C.__subclasses__()))
print(D.__base__.__name__, issubclass(E, C), issubclass(E, C2))
D.__bases__ = (C, C2)
print(e.meth(), e.extra(), names(E.__mro__))
print(names(C.__subclasses__()), names(C2.__subclasses__()))
