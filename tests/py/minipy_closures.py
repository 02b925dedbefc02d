# Closures, nonlocal, defaults evaluated once, keyword-only and variadic parameters.
def counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter(10)
c()
c(5)
print(c(), c(step=-3))

def make_adders():
    out = []
    for i in range(3):
        out.append(lambda x, i=i: x + i)
    return out

print([f(10) for f in make_adders()])

def shared(acc=[]):
    acc.append(len(acc))
    return acc

shared()
print(shared())

def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, z=6, y=7))
print(f(*[1, 2], **{"c": 9}))

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()

print(outer())
print((lambda *a, **k: (a, sorted(k)))(1, 2, q=3))
