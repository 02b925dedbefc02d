# Z(X(A), B, Y(A), C) linearises to Z, X, B, Y, A, C, object.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class A:
    def f(self):
        return "A.f"
class B:
    def f(self):
        return "B.f"
    def g(self):
        return "B.g"
class C:
    def g(self):
        return "C.g"
    def h(self):
        return "C.h"
class X(A):
    pass
class Y(A):
    def g(self):
        return "Y.g"

class Z(X, B, Y, C):
    pass

print(names(Z.__mro__))
z = Z()
print(z.f(), z.g(), z.h())
print(names(Z.__bases__))
print(Z.__base__.__name__)
