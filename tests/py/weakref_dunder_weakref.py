# obj.__weakref__ is the head of the object's weak-reference list, or None.
import weakref

class A:
    pass

def callback(r):
    print("callback")

a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
r2 = weakref.ref(a, callback)
print(a.__weakref__ is r)
print(a.__weakref__ is r2)
del r
print(a.__weakref__ is r2)
try:
    a.__weakref__ = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del a.__weakref__
except AttributeError as e:
    print(type(e).__name__, e)

class S:
    __slots__ = ["__weakref__"]

s = S()
print(s.__weakref__)
rs = weakref.ref(s)
print(s.__weakref__ is rs)
del r2
del a
print("end")
