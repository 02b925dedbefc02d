# iter() and next() over the builtin iterables.
for source in [[1, 2], (3, 4), "ab", {"k": 1, "j": 2}, range(2)]:
    it = iter(source)
    print(type(source).__name__, next(it), next(it), next(it, "exhausted"))
it = iter([7])
print(iter(it) is it, next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
print(list("xyz"), tuple([1, 2]), list({"a": 1}), list(range(3, 0, -1)))
print(sorted("cab"), sorted({"b": 1, "a": 2}), list(iter((5, 6))))
nested = [[1, 2], [3]]
flat = []
for group in nested:
    for v in group:
        flat.append(v)
print(flat, len(flat))
