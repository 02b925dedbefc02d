# print() with several arguments, sep= and end=.
print()
print("a")
print("a", "b", 3, None, True)
print("a", "b", sep="")
print("a", "b", sep=" | ")
print("no newline", end="")
print(" continued")
print("x", "y", sep="-", end="!\n")
print(1, 2, 3, sep=", ", end=".\n")
print(end="")
print("", "")
print([1, "two"], (3,), {"k": "v"})
print("sep None", "uses space", sep=None)
print("end None", end=None)
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
print("done")
