# Tuple unpacking in assignments and for loops, and its errors.
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
first, second, third = "abc"
print(first, second, third)
k1, k2 = {"p": 1, "q": 2}
print(k1, k2)
for n, sq in [(1, 1), (2, 4), (3, 9)]:
    print(n, sq)
for i, (c, d) in [(0, "xy"), (1, "zw")]:
    print(i, c, d)
p, q = range(2)
print(p, q)
def pair():
    return "left", "right"
l, r = pair()
print(l, r)
for value, expected in [((1, 2), 3), ((1, 2, 3, 4), 3), (5, 2)]:
    try:
        if expected == 3:
            u, v, w = value
        else:
            u, v = value
    except TypeError as e:
        print(type(e).__name__, e)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    m, n = [1]
except ValueError as e:
    print(type(e).__name__, e)
