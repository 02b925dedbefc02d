# __bases__ assignment must keep the instance layout of the old base.
class L(list):
    pass
class C:
    pass
class D(C):
    pass
class P:
    pass

try:
    L.__bases__ = (dict,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    D.__bases__ = (C, list)
except TypeError as e:
    print(type(e).__name__, e)
try:
    D.__bases__ = (int,)
except TypeError as e:
    print(type(e).__name__, e)
D.__bases__ = (P,)
print(D.__mro__)
class Mixin:
    def tag(self):
        return "mixin"
L.__bases__ = (Mixin, list)
x = L()
x.append(1)
print(L.__mro__, x.tag(), len(x))
