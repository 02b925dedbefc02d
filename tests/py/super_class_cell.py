# The implicit __class__ cell is the class being defined, even if the method moves elsewhere.
class A:
    def who(self):
        return "A.who"
class B(A):
    def who(self):
        return "B.who then " + super().who()
    def cls(self):
        return __class__

class Other:
    def who(self):
        return "Other.who"
class Stranger(Other, B):
    pass

print(B().who())
print(B().cls().__name__, Stranger().cls().__name__)
Stranger.borrowed = B.__dict__["who"]
print(Stranger().borrowed())
print(Stranger().who())

class C(B):
    def who(self):
        return "C.who then " + super().who()
print(C().who())
def outside(self):
    return "outside"
A.who = outside
print(C().who())
