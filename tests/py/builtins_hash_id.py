# hash() and id(): only properties that hold in every implementation are printed.
print(hash(0), hash(1), hash(-1), hash(-2), hash(100), hash(True), hash(False))
print(hash("abc") == hash("ab" + "c"), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None))
print(hash(1) == hash(True), hash(0) == hash(False))
class A:
    pass
a = A()
b = A()
print(hash(a) == hash(a), id(a) == id(a), id(a) == id(b), a is b)
print(type(hash(a)).__name__, type(id(a)).__name__)
class H:
    def __hash__(self):
        return 12345
class BadHash:
    def __hash__(self):
        return "not an int"
print(hash(H()))
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
for unhashable in [[], {}, ([],)]:
    try:
        hash(unhashable)
    except TypeError as e:
        print(type(e).__name__, e)
d = {}
d[(1, "x")] = "tuple key"
print(d[(1, "x")])
