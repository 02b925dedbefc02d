# Every arithmetic dunder of the subset, inherited by a subclass.
class N:
    def __init__(self, v):
        self.v = v
    def __sub__(self, o):
        return N(self.v - o)
    def __mul__(self, o):
        return N(self.v * o)
    def __floordiv__(self, o):
        return N(self.v // o)
    def __mod__(self, o):
        return N(self.v % o)
    def __pow__(self, o):
        return N(self.v ** o)
    def __neg__(self):
        return N(-self.v)
    def __rsub__(self, o):
        return N(o - self.v)
    def __rmul__(self, o):
        return N(o * self.v)
    def __repr__(self):
        return "N" + repr(self.v)
class M(N):
    pass

x = M(7)
print(x - 2, x * 3, x // 2, x % 4, x ** 2, -x)
print(10 - x, 3 * x)
for op in ["//", "%", "**"]:
    try:
        if op == "//":
            print(2 // x)
        elif op == "%":
            print(2 % x)
        else:
            print(2 ** x)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print(-N)
except TypeError as e:
    print(type(e).__name__, e)
