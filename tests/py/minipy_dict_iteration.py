# Iterating a dict while its size changes raises RuntimeError, as in CPython.
d = {"a": 1}
try:
    for k in d:
        d["b"] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {"a": 1, "b": 2}
for k in d:
    d[k] = 10
print(d, [k for k in d], list(d), sorted(d, reverse=True))
it = iter({"x": 1})
print(type(it).__name__, next(it), next(it, "done"))
