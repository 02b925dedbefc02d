# Dunders installed with setattr() and removed with delattr() update slots like `A.x = ...`.
class A:
    pass
class B(A):
    pass

b = B()
setattr(A, "__len__", lambda self: 11)
setattr(A, "__repr__", lambda self: "A-repr")
setattr(A, "__getitem__", lambda self, k: k + 1)
print(len(b), repr(b), b[1], [b])
setattr(B, "__len__", lambda self: 22)
print(len(b), len(A()))
delattr(B, "__len__")
print(len(b))
delattr(A, "__len__")
delattr(A, "__getitem__")
try:
    len(b)
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[1]
except TypeError as e:
    print(type(e).__name__, e)
delattr(A, "__repr__")
print(repr(b))
