# Lookup takes the first definition along the MRO, whatever kind of attribute it is.
class Desc:
    def __init__(self, tag):
        self.tag = tag
    def __get__(self, obj, owner):
        return "desc " + self.tag
    def __set__(self, obj, value):
        obj.__dict__["x"] = value

class A:
    x = Desc("A")
class B(A):
    x = "B plain"
class C(B):
    pass
class D(C):
    x = Desc("D")

c = C()
c.x = "stored in c"
print(c.x)
d = D()
d.x = "stored in d"
print(d.x, d.__dict__)
print(A().x, B().x, C.x, D.x)
del B.x
print(c.x, C.x)
B.x = Desc("B")
print(c.x)
