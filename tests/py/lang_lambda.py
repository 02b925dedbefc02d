# lambda expressions: defaults, closures, as arguments and immediately called.
square = lambda x: x * x
print(square(7), (lambda: "no args")(), (lambda a, b=3: a + b)(1))
print(square.__name__, square.__qualname__)
adders = []
for i in range(3):
    adders.append(lambda x, i=i: x + i)
results = []
for f in adders:
    results.append(f(10))
print(results)
def make_multiplier(m):
    return lambda v: v * m
print(make_multiplier(3)(4))
words = ["ccc", "a", "bb"]
print(sorted(words, key=lambda w: len(w)))
print(sorted([3, -5, 1], key=lambda v: v * v, reverse=True))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(inc, square)(3), compose(square, inc)(3))
print((lambda *args: len(args))(1, 2, 3), (lambda **kw: sorted(kw))(b=1, a=2))
