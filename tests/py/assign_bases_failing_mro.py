# When a custom mro() fails during a __bases__ assignment, every MRO is restored.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

fail = False

class Meta(type):
    def mro(cls):
        if fail and cls.__name__ == "E":
            raise RuntimeError("mro of E refused")
        return type.mro(cls)

class C(metaclass=Meta):
    pass
class C2(metaclass=Meta):
    pass
class D(C):
    pass
class E(D):
    pass

fail = True
try:
    D.__bases__ = (C2,)
except RuntimeError as e:
    print(type(e).__name__, e)
print(names(D.__bases__), names(D.__mro__), names(E.__mro__))
print(names(C.__subclasses__()), names(C2.__subclasses__()))
fail = False
D.__bases__ = (C2,)
print(names(D.__mro__), names(E.__mro__))
