# String concatenation and its errors; equality and ordering of strings.
a = "py"
b = "rt"
print(a + b, a + "" + b, "" + "")
s = ""
for part in ["x", "y", "z"]:
    s = s + part
print(s, len(s), s == "xyz", s != "xyz")
try:
    a + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a + None
except TypeError as e:
    print(type(e).__name__, e)
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "b" >= "b")
print(sorted(["pear", "apple", "fig"]))
print(str(12) + str(-3) + str(None) + str(True))
print(repr("quote's") + repr("x"))
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
