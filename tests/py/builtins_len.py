# len() of builtin containers and of objects with __len__, and its errors.
print(len(""), len("abc"), len([1, 2]), len(()), len((1,)), len({"a": 1, "b": 2}))
print(len(range(10)), len(range(3, 10, 2)), len(range(5, 0)), len(range(10, 0, -3)))
nested = [[], [1], [1, 2]]
print(len(nested), len(nested[2]))
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
for bad in [5, None, object()]:
    try:
        len(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len([], [])
except TypeError as e:
    print(type(e).__name__, e)
