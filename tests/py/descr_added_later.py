# Adding a data descriptor to a class after an instance stored a value makes the descriptor
# win; removing it makes the stored value visible again.
class Loud:
    def __get__(self, obj, owner):
        return "descriptor"
    def __set__(self, obj, value):
        print("Loud.__set__", value)

class Base:
    pass
class A(Base):
    pass

a = A()
a.v = "stored"
print(a.v)
Base.v = Loud()
print(a.v)
a.v = "again"
print(a.__dict__["v"])
A.v = "plain in A"
print(a.v)
del A.v
print(a.v)
del Base.v
print(a.v)
Base.v = property(lambda self: "property")
print(a.v)
del Base.v
print(a.v)
