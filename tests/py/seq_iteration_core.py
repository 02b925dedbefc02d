# The core sequences' iterators: their types, live reads of a list, exhaustion is final.
print(type(iter([])).__name__, type(iter(())).__name__)
print(type(iter("abc")).__name__, type(iter("h\xe9llo")).__name__)
it = iter([1, 2])
print(iter(it) is it)

l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x == 1:
        l.append(4)
print(out)

l = [1, 2, 3, 4]
it = iter(l)
print(next(it))
del l[3]
del l[2]
del l[1]
print(list(it))
l.append(5)
print(list(it))

t = (1, "a", None)
print(list(iter(t)))
print(list("h\xe9!"), list(iter("xyz")))

class L(list):
    pass

class T(tuple):
    pass

class S(str):
    pass

print(list(L([7, 8])), list(T((9,))), list(S("ok")))
print(type(iter(L())).__name__, type(iter(S("\xe9"))).__name__)
