# The class statement with several bases and metaclass=: the metaclass receives everything.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        keys = []
        for k in ns:
            if k != "__module__" and k != "__qualname__":
                keys.append(k)
        print("Meta.__new__", name, len(bases), sorted(keys))
        return type.__new__(mcls, name, bases, ns)

class A:
    pass
class B:
    pass

class C(A, B, metaclass=Meta):
    x = 1
    def m(self):
        return "m"

print(type(C).__name__, C.__bases__, C().m(), C.x)
class D(C):
    y = 2
print(type(D).__name__)
Dyn = Meta("Dyn", (D,), {"z": 3})
print(type(Dyn).__name__, Dyn.z, Dyn.y, Dyn.__mro__)
print(isinstance(C, Meta), isinstance(C, type), issubclass(Meta, type))
