# in / not in over the builtin containers.
lst = [1, "two", (3,), [4]]
print(1 in lst, "two" in lst, (3,) in lst, [4] in lst, 5 in lst, 5 not in lst)
tup = (None, True)
print(None in tup, 1 in tup, 0 in tup, False not in tup)
d = {"k": "v", 2: "two"}
print("k" in d, "v" in d, 2 in d, 3 not in d)
s = "hello"
print("ell" in s, "" in s, "z" in s, "lo" not in s)
print(3 in range(5), 5 in range(5), -1 in range(-3, 0), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {}
except TypeError as e:
    print(type(e).__name__, e)
class Eq:
    def __eq__(self, other):
        return other == 99
print(Eq() in [1, 99], Eq() in [1, 2], 99 in [Eq()])
