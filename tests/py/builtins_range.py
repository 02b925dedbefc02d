# range(): its forms, length, indexing, membership and errors.
print(list(range(4)), list(range(1, 4)), list(range(0, 10, 3)), list(range(5, 0, -2)))
print(list(range(3, 3)), list(range(3, 1)), list(range(-2, 2)))
r = range(2, 20, 4)
print(r, repr(range(3)), range(1, 5), range(0, 10, 2))
print(len(r), r[0], r[1], r[-1], 6 in r, 7 in r)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range("3")
except TypeError as e:
    print(type(e).__name__, e)
try:
    range()
except TypeError as e:
    print(type(e).__name__, e)
total = 0
for i in range(101):
    total += i
print(total)
print(range(3) == range(0, 3), range(0) == range(5, 5), type(range(1)).__name__)
