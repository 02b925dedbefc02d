# Two bases that both add slots cannot be combined; empty slots combine freely.
class A:
    __slots__ = ["a"]
class B:
    __slots__ = ["b"]
class E1:
    __slots__ = ()
class E2:
    __slots__ = ()

try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class AE(A, E1, E2):
    __slots__ = ["c"]
x = AE()
x.a = 1
x.c = 3
print(x.a, x.c, AE.__mro__)
class Plain:
    pass
class PA(Plain, A):
    pass
pa = PA()
pa.a = "slot"
pa.free = "dict"
print(pa.a, pa.free, PA.__base__.__name__)
try:
    class AL(A, list):
        pass
except TypeError as e:
    print(type(e).__name__, e)
