# Classes with equal __slots__ layouts can swap __class__; different layouts cannot.
class G:
    __slots__ = ["a", "b"]
class H:
    __slots__ = ["b", "a"]
class I:
    __slots__ = ["a", "b"]
class K:
    __slots__ = ["a", "b", "d"]
class J:
    __slots__ = ()
class Q(J):
    pass
class R(J):
    __slots__ = ["__dict__", "__weakref__"]

g = G()
g.a = 1
g.b = 2
for cls in [H, I, G]:
    g.__class__ = cls
    print(type(g).__name__, g.a, g.b)
try:
    g.__class__ = K
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.__class__ = J
except TypeError as e:
    print(type(e).__name__, e)
q = Q()
q.v = 5
q.__class__ = R
print(type(q).__name__, q.v)
q.__class__ = Q
print(type(q).__name__, q.v)
