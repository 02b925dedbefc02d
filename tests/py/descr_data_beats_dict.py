# A data descriptor on the type beats the instance dict, for reads and writes.
class Data:
    def __get__(self, obj, owner):
        if obj is None:
            return "descriptor via class"
        return "descriptor value"
    def __set__(self, obj, value):
        print("Data.__set__", value)
        obj.__dict__["x"] = value * 10

class A:
    x = Data()

a = A()
a.x = 4
print(a.__dict__)
print(a.x)
a.__dict__["x"] = "from dict"
print(a.x, a.__dict__["x"])
print(A.x)
print(getattr(a, "x"), hasattr(a, "x"))
setattr(a, "x", 7)
print(a.__dict__)

class B(A):
    pass
b = B()
b.x = 1
print(b.x, b.__dict__)
