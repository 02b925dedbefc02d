# __radd__ is tried on the right operand when the left one cannot handle the operation.
class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x)
        return NotImplemented
    def __radd__(self, other):
        if isinstance(other, int):
            return Vec(other + self.x)
        return NotImplemented
    def __repr__(self):
        return "Vec(" + repr(self.x) + ")"

class Vec2(Vec):
    pass

print(Vec(1) + Vec(2))
print(5 + Vec(1))
print(5 + Vec2(1))
print(Vec2(3) + Vec(4))
total = 0
for v in [Vec(1), Vec(2), Vec2(3)]:
    total = total + v
print(total)
try:
    print("s" + Vec(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(Vec(1) + 2)
except TypeError as e:
    print(type(e).__name__, e)
