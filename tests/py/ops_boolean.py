# and/or return one of their operands and short-circuit; not always returns a bool.
def side(tag, value):
    print("eval", tag)
    return value

print(side("a", 0) and side("b", 1))
print(side("c", 2) and side("d", 3))
print(side("e", 0) or side("f", ""))
print(side("g", "x") or side("h", 1))
print(not 0, not 5, not "", not [], not [0], not None)
print(1 and [] or "fallback")
print(None or 0 or "" or "last")
print(3 and 4 and 5, 3 and 0 and 5)

class Falsy:
    def __bool__(self):
        print("Falsy.__bool__")
        return False
f = Falsy()
print((f or "right") == "right")
print((f and "unreached") is f)
print(not f)
if not f and True:
    print("both tests done")
