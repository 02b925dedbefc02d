# Immutable values: ints, strs, tuples cannot be changed in place; names just rebind.
x = 5
y = x
x += 1
print(x, y)
s = "ab"
t = s
s += "c"
print(s, t)
tup = (1, [2], 3)
alias = tup
tup = (4,)
print(tup, alias, tup is alias)
alias[1].append(20)
print(alias, alias[1])
try:
    alias[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    del alias[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
