# A non-data descriptor (only __get__) loses to the instance dict.
class NonData:
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return "computed"

class A:
    y = NonData()
    z = "plain class attribute"

a = A()
print(a.y, a.z)
a.y = "instance value"
a.z = "instance z"
print(a.y, a.z, A.z)
print(sorted(a.__dict__))
del a.y
del a.z
print(a.y, a.z)
try:
    del a.y
except AttributeError as e:
    print(type(e).__name__, e)
print(type(A.y).__name__, A.__dict__["y"] is A.y)
