# property() takes fget, fset, fdel and doc by keyword; getter()/setter() return copies.
def read(self):
    return self._x

def write(self, v):
    self._x = v

def erase(self):
    print("erase")

class A:
    x = property(fget=read, fset=write, doc="the x")

a = A()
a.x = 3
print(a.x, A.x.__doc__)
p = A.x
q = p.getter(lambda self: "new getter")
print(p is q, p.fget is read, q.fset is write)
A.y = q
print(a.y)
r = q.deleter(erase)
print(r.fdel is erase, q.fdel)
A.z = r
del a.z
try:
    del a.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)
