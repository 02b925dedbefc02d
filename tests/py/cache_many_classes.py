# Hundreds of classes and names exercise many cache slots; every lookup must stay right.
classes = []
i = 0
while i < 300:
    classes.append(type("C" + str(i), (object,), {"n": i}))
    i += 1

total = 0
for c in classes:
    total += c.n + c().n
print(total)
i = 0
while i < 300:
    if i % 3 == 0:
        classes[i].n = -i
    i += 1
total = 0
for c in classes:
    total += c().n
print(total)
for c in classes:
    if c.n < 0:
        del c.n
missing = 0
for c in classes:
    if not hasattr(c, "n"):
        missing += 1
print(missing, classes[4].n, classes[299].__name__)
