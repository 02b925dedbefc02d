# Builtin dunders fetched from builtin classes are callable wrappers that check their self.
print(int.__add__(2, 3), int.__add__(2, "x"), int.__lt__(1, 2), int.__neg__(5))
print(list.__len__([1, 2, 3]), str.__len__("ab"), dict.__len__({}))
print(int.__repr__(7), str.__repr__("q"), object.__repr__(None) == repr(None))
try:
    int.__add__("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list.__len__((1, 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__add__(1)
except TypeError as e:
    print(type(e).__name__, e)
add = int.__add__
print(add(10, 20), callable(add))
bound = (5).__add__
print(bound(1), bound("s"))
print((3).__lt__(4), (3).__eq__(3), (3).__eq__("3"))
print("abc".__len__(), [1].__len__(), (1, 2).__len__())
class MyInt(int):
    pass
print(int.__add__(MyInt(1), MyInt(2)), type(int.__add__(MyInt(1), 2)).__name__)
