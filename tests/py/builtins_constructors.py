# list(), tuple(), dict(), str() and int() as constructors.
print(list(), tuple(), dict(), str(), int())
print(list((1, 2)), list("ab"), list({"k": 0}), list(range(2)))
print(tuple([1, 2]), tuple("xy"), tuple(range(3)))
print(dict([("a", 1), ("b", 2)]), dict(x=1, y=2), dict({"c": 3}), dict([("a", 1)], z=9))
orig = [1, 2]
print(list(orig) is orig, list(orig) == orig, tuple(orig) == (1, 2))
for bad in [5, None]:
    try:
        list(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    dict([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
print(str(1), str([1, "a"]), str((None,)), str({"k": "v"}), str(str))
print(int("7"), int(" 8 "), int("-0"), int("+12"), int(True), int(-3))
try:
    int("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int([])
except TypeError as e:
    print(type(e).__name__, e)
