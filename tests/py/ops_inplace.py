# Augmented assignment: __iadd__ first, then __add__; lists extend in place.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        print("__iadd__", other)
        self.items.append(other)
        return self
class OnlyAdd:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        print("__add__", other)
        return OnlyAdd(self.n + other)
class Declines(OnlyAdd):
    def __iadd__(self, other):
        print("__iadd__ declines")
        return NotImplemented

a = Acc()
alias = a
a += 1
a += 2
print(a is alias, a.items)
o = OnlyAdd(1)
before = o
o += 5
print(o.n, o is before, before.n)
d = Declines(10)
d += 1
print(d.n, type(d).__name__)
s = "ab"
t = s
s += "cd"
print(s, t, s is t)
n = 5
n -= 7
n *= -3
n //= 4
n %= 4
print(n)
