# Builtin objects refuse new attributes and protect their read-only ones.
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    o.__str__ = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.__str__
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    [].x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "abc".nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(o.__dict__)
except AttributeError as e:
    print(type(e).__name__, e)
class A:
    pass
a = A()
a.x = 1
print(a.x, a.__dict__)
print(callable(o.__str__), A.__init__ is object.__init__, A.__str__ is object.__str__)
