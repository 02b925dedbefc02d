# A descriptor with __set__ but no __get__ is still a data descriptor: reads find the
# descriptor object itself until the instance dict holds the name (its __set__ writes it).
class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)
        obj.__dict__["s"] = value
    def __repr__(self):
        return "<SetOnly>"

class A:
    s = SetOnly()

a = A()
print(a.s)
a.s = 5
print(a.s, a.__dict__)
b = A()
b.__dict__["s"] = "direct"
print(b.s)
print(A.s)
try:
    del a.s
except AttributeError as e:
    print(type(e).__name__, e)
print(a.s)
