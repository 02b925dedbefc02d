# Slots interact with class attributes added or removed later.
class S:
    __slots__ = ["v"]

s = S()
s.v = 1
S.other = "class attr"
print(s.v, s.other)
try:
    s.other = 2
except AttributeError as e:
    print(type(e).__name__, e)
saved = S.__dict__["v"]
S.v = "replaced descriptor"
print(s.v)
try:
    s.v = 5
except AttributeError as e:
    print(type(e).__name__, e)
S.v = saved
print(s.v)
s.v = 6
print(s.v)
print(len(S.__slots__), S.__slots__[0])
