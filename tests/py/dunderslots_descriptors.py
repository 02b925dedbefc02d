# Each slot is a member descriptor on the class, usable directly.
class P:
    __slots__ = ("x", "y")

p = P()
d = P.x
print(type(d).__name__, d)
d.__set__(p, 10)
print(p.x, d.__get__(p, P), d.__get__(None, P) is d)
P.y.__set__(p, 20)
print(p.y)
P.y.__delete__(p)
print(hasattr(p, "y"))
try:
    d.__set__(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.__get__("text", str)
except TypeError as e:
    print(type(e).__name__, e)
class Q(P):
    x = "shadowed by a class attribute"
q = Q()
print(q.x)
q.x = 1
q.y = 3
print(q.x, q.y, q.__dict__)
