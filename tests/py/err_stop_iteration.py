# next() on an exhausted iterator outside a loop raises an uncaught StopIteration.
items = iter([1, 2])
print(next(items))
print(next(items))
print(next(items, "default works"))
count = 0
for x in iter([3, 4]):
    count += x
print("loop ends quietly", count)
print(next(items))
print("not reached")
