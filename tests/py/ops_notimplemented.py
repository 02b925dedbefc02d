# When both sides return NotImplemented: arithmetic raises, == falls back to identity,
# ordering raises.
class Shy:
    def __add__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return NotImplemented
    def __eq__(self, other):
        return NotImplemented
    def __lt__(self, other):
        return NotImplemented
    def __gt__(self, other):
        return NotImplemented

a = Shy()
b = Shy()
try:
    a + b
except TypeError as e:
    print(type(e).__name__, e)
print(a == b, a == a, a != b, a != a)
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a > 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + a
except TypeError as e:
    print(type(e).__name__, e)
print(a == 1, 1 == a, repr(NotImplemented))
print(a.__eq__(b), a.__add__(1))
