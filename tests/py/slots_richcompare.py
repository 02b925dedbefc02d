# Rich comparisons: each operator has a reflection (< with >, <= with >=, == with ==).
log = []

class Num:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append("lt")
        return self.v < other.v
    def __eq__(self, other):
        if not isinstance(other, Num):
            return NotImplemented
        return self.v == other.v
    def __repr__(self):
        return "Num(" + str(self.v) + ")"

class Sub(Num):
    pass

a = Num(1)
b = Sub(2)
print(a < b, log)
print(b > a, log)
print(a == Num(1), a != Num(1), a == 1, a != 1)
print(sorted([Sub(3), Num(1), Sub(2)]))
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a > 1
except TypeError as e:
    print(type(e).__name__, e)
print(a is a, a is not b)
