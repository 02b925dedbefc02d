# In a diamond, setting or deleting __hash__ on any ancestor changes hash(d) at once.
class A:
    pass
class B(A):
    pass
class C(A):
    pass
class D(B, C):
    pass

d = D()
h0 = hash(d)
A.__hash__ = lambda self: 1
print(hash(d))
C.__hash__ = lambda self: 2
print(hash(d))
B.__hash__ = lambda self: 3
print(hash(d))
C.__hash__ = None
print(hash(d))
del B.__hash__
try:
    hash(d)
except TypeError as e:
    print(type(e).__name__, e)
del C.__hash__
print(hash(d))
del A.__hash__
print(hash(d) == h0)
A.__hash__ = lambda self: -1
print(hash(d))
