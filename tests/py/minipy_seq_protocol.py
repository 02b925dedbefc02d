# Objects with __getitem__ but no __iter__ are iterable through the sequence protocol.
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

print(list(Squares(4)), tuple(Squares(2)), sorted(Squares(3), reverse=True))
print(sum(Squares(4)), max(Squares(3)), 4 in Squares(3))
a, b = Squares(2)
print(a, b, [x + 1 for x in Squares(3)])
