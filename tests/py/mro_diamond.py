# The classic diamond: D(B(A), C(A)) linearises to D, B, C, A, object.
class A:
    def who(self):
        return "A"
    def only_a(self):
        return "only in A"

class B(A):
    def who(self):
        return "B"

class C(A):
    def who(self):
        return "C"
    def from_c(self):
        return "C.from_c"

class D(B, C):
    pass

print(D.__mro__)
print(D.mro())
print(D.__bases__)
print(D.__base__)
d = D()
print(d.who())
print(d.from_c())
print(d.only_a())
print(type(D.mro()).__name__, type(D.__mro__).__name__)
print(D.__mro__ == tuple(D.mro()))
