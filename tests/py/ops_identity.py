# is / is not compare identity, not equality.
class A:
    def __eq__(self, other):
        return True
a = A()
b = A()
print(a == b, a is b, a is not b, a is a)
x = [1]
y = [1]
z = x
print(x == y, x is y, x is z, y is not z)
print(None is None, True is True, None is not False)
print(type(a) is A, type(1) is int, type(True) is not int)
def f():
    return None
print(f() is None, f is f)
t = ()
print(t is t, NotImplemented is NotImplemented)
print(id(a) == id(a), id(a) == id(b))
m1 = a.__eq__
m2 = a.__eq__
print(m1 is m2, m1 == m2)
