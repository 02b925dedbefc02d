# __call__ makes instances callable; it is inherited and can be patched later.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return self.n + x + y
class Sub(Adder):
    pass
class Plain:
    pass

a = Sub(10)
print(a(1), a(1, 2), a(x=5, y=6), callable(a), callable(Plain()))
p = Plain()
try:
    p()
except TypeError as e:
    print(type(e).__name__, e)
Plain.__call__ = lambda self, v: "called with " + repr(v)
print(p(3), callable(p))
del Plain.__call__
try:
    p(3)
except TypeError as e:
    print(type(e).__name__, e)
print(callable(p), callable(Plain), callable(len), callable(3))
try:
    a()
except TypeError as e:
    print(type(e).__name__, e)
try:
    a(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
