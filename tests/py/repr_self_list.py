# Lists that contain themselves print as [...] at the point of recursion.
a = []
a.append(a)
print(a)
print(repr(a), str(a))
b = [1, 2]
b.append(b)
b.append(3)
print(b)
x = []
y = [x]
x.append(y)
print(x)
print(y)
twice = []
twice.append(twice)
twice.append(twice)
print(twice)
outer = [a, a]
print(outer)
print(len(a), a[0] is a, a[0][0][0] is a)
a[0] = None
b[2] = None
x[0] = None
twice[0] = None
twice[1] = None
print(a, b, x, y, twice)
