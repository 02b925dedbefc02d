# while and for loops with break and continue, over different iterables.
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
for ch in "abc":
    print(ch, end="")
print()
for key in {"x": 1, "y": 2}:
    print(key, end=";")
print()
for item in (1, "two", None):
    print(repr(item), end=" ")
print()
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)))
found = None
for a in range(1, 10):
    for b in range(1, 10):
        if a * b == 42:
            found = (a, b)
            break
    if found is not None:
        break
print(found)
n = 10
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
for x in []:
    print("never")
