# `in` uses __contains__, else iteration via __iter__, else __getitem__.
class WithContains:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
class WithIter:
    def __iter__(self):
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
class Truthy:
    def __contains__(self, x):
        return "yes"
class Nothing:
    pass

print(1 in WithContains(), 2 in WithContains(), 2 not in WithContains())
print(3 in WithIter(), 4 in WithIter())
print(2 in WithGetitem(), 7 in WithGetitem())
print(0 in Truthy())
try:
    print(1 in Nothing())
except TypeError as e:
    print(type(e).__name__, e)

class Later:
    pass
WithIter.__contains__ = lambda self, x: x == 99
print(99 in WithIter(), 1 in WithIter())
Later.__iter__ = lambda self: iter([5])
print(5 in Later())
