# Reflected methods receive the operands swapped: other OP self.
class R:
    def __init__(self, v):
        self.v = v
    def __rsub__(self, other):
        return other - self.v
    def __rfloordiv__(self, other):
        return other // self.v
    def __rmod__(self, other):
        return other % self.v
    def __rpow__(self, other):
        return other ** self.v
    def __rmul__(self, other):
        return "rmul " + repr(other) + " " + repr(self.v)

print(10 - R(3), 10 // R(3), 10 % R(3), 2 ** R(5), 3 * R(4))
try:
    R(1) - 10
except TypeError as e:
    print(type(e).__name__, e)
try:
    R(1) - R(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    R(1) * R(2)
except TypeError as e:
    print(type(e).__name__, e)
