# '__dict__' and '__weakref__' in __slots__ give back those features.
import weakref

class Lean:
    __slots__ = ["a"]
class WithDict:
    __slots__ = ["a", "__dict__"]
class WithRef:
    __slots__ = ["a", "__weakref__"]

w = WithDict()
w.a = 1
w.extra = 2
print(w.a, w.__dict__)
try:
    weakref.ref(w)
except TypeError as e:
    print(type(e).__name__, e)
r = WithRef()
ref = weakref.ref(r)
print(ref() is r)
try:
    r.extra = 1
except AttributeError as e:
    print(type(e).__name__, e)
del r
print(ref() is None)
try:
    weakref.ref(Lean())
except TypeError as e:
    print(type(e).__name__, e)
print("done")
