# __ne__ defaults to the inverse of __eq__; reflected __eq__ is tried when one side declines.
class Val:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("Val.__eq__", self.v)
        if isinstance(other, Val):
            return self.v == other.v
        return NotImplemented

class Wild:
    def __eq__(self, other):
        print("Wild.__eq__")
        return True

print(Val(1) == Val(1))
print(Val(1) != Val(2))
print(Val(1) == 1)
print(Val(1) == Wild())
print(Wild() == Val(1))
print(Val(3) != Wild())

class Ne:
    def __ne__(self, other):
        return "custom ne"
print(Ne() != 1, Ne() == 1)
x = Ne()
print(x == x)
