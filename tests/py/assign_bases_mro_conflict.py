# A __bases__ assignment whose new MRO would be inconsistent changes nothing.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class A:
    pass
class B:
    pass
class C(A, B):
    pass
class D(A, B):
    pass
class E(C, D):
    pass

try:
    C.__bases__ = (B, A)
except TypeError as e:
    print(type(e).__name__, e)
print(names(C.__bases__), names(C.__mro__))
print(names(E.__mro__))
print(names(A.__subclasses__()), names(B.__subclasses__()))
D.__bases__ = (A,)
print(names(E.__mro__))
try:
    D.__bases__ = (B, A)
except TypeError as e:
    print(type(e).__name__, e)
print(names(D.__mro__), names(E.__mro__))
