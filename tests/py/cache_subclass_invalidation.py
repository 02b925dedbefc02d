# Modifying a base invalidates every subclass, including ones created after the lookup.
class A:
    x = "A"
class B(A):
    pass
class C(B):
    pass

print(C.x, B.x, C().x)
A.x = "A2"
print(C.x, B.x)
B.x = "B"
print(C.x, A.x)
class D(C):
    pass
print(D.x)
del B.x
print(D.x, C.x)
C.x = "C"
A.x = "A3"
print(D.x, B.x)
class E(A):
    pass
class F(E, D):
    pass
print(F.x, F.__mro__[1].__name__)
del C.x
print(F.x)
E.x = "E"
print(F.x, D.x)
