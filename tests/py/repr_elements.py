# Containers show their elements with repr(), never str().
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"

b = Both()
print(b, str(b), repr(b))
print([b], (b,), {"k": b}, {1: b})
print(str([b]), repr([b]))
print(["s", 'q"uote', "it's"], ("tab\t",), {"new\nline": 0})
print([None, True, False, -5, 0], (NotImplemented,))
print([[], [[]], {}, ()])
print([1, [2, [3, [4]]]])
print({"a": [1, {"b": (2,)}]})
nested = {"x": {"y": {"z": [b]}}}
print(nested)
