# Without __iter__, iteration falls back to __getitem__ with 0, 1, 2... until IndexError.
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("too far")
        return i * i

print(list(Squares(5)))
for v in Squares(3):
    print(v)
it = iter(Squares(2))
print(next(it), next(it), next(it, "end"))
print(4 in Squares(3), 5 in Squares(3))

class StopsEarly:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopsEarly()))

class Broken:
    def __getitem__(self, i):
        if i == 1:
            raise KeyError(i)
        return i
try:
    list(Broken())
except KeyError as e:
    print(type(e).__name__, e)
