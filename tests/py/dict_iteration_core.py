# dict_keyiterator's checks: size change (reported on every later call), keys changed
# (a delete and an insert between two steps), exhaustion is final.
d = {1: 1, 2: 2}
it = iter(d)
print(next(it))
del d[1]
d[3] = 3
try:
    print(list(it))
except RuntimeError as e:
    print(type(e).__name__, e)

d = {1: 1, 2: 2, 3: 3}
it = iter(d)
print(next(it))
del d[2]
d[4] = 4
print(list(it))

d = {1: 1, 2: 2}
it = iter(d)
print(next(it))
d[3] = 3
for i in range(2):
    try:
        print(next(it))
    except RuntimeError as e:
        print(type(e).__name__, e)
del d[3]
try:
    print(next(it))
except RuntimeError as e:
    print(type(e).__name__, e)

d = {1: 1}
it = iter(d)
next(it)
try:
    next(it)
except StopIteration:
    print("stop")
d[2] = 2
try:
    next(it)
except StopIteration:
    print("stop again")
print(type(it).__name__, iter(it) is it)

class D(dict):
    pass

sub = D(a=1, b=2)
print(list(sub), type(iter(sub)).__name__)
