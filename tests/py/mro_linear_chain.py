# A single-inheritance chain: each class's MRO is itself followed by its base's MRO.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class K0:
    level = 0
class K1(K0):
    pass
class K2(K1):
    level = 2
class K3(K2):
    pass
class K4(K3):
    pass

print(names(K4.__mro__))
print(names(K3.__mro__))
print(K4.__base__.__name__, K4.__bases__[0].__name__, len(K4.__bases__))
print(K0.__base__, K0.__bases__)
print(K4.level, K1.level, K2().level)
print(issubclass(K4, K0), issubclass(K0, K4), issubclass(K2, K2))
print(isinstance(K4(), K1), isinstance(K1(), K4))
print(len(K4.__mro__), len(object.__mro__))
