# property is a data descriptor: it beats the instance dict even without a setter.
class A:
    def get_p(self):
        return "property value"
    p = property(get_p)

a = A()
a.__dict__["p"] = "dict value"
print(a.p)
try:
    a.p = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del a.p
except AttributeError as e:
    print(type(e).__name__, e)
print(a.__dict__)
print(type(A.p).__name__, A.p.fget is A.get_p, A.p.fset, A.p.fdel)

class B(A):
    p = "plain in subclass"
b = B()
print(b.p)
b.p = "instance"
print(b.p, B.p)
