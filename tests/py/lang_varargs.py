# *args collects extra positionals into a tuple, **kwargs extra keywords into a dict.
def show(a, *args, **kwargs):
    print(a, args, kwargs, type(args).__name__, type(kwargs).__name__)

show(1)
show(1, 2, 3)
show(1, x=1, y=2)
show(1, 2, z=3)
show(a=5, b=6)

def only_args(*args):
    total = 0
    for v in args:
        total += v
    return total
print(only_args(), only_args(1, 2, 3))

def only_kwargs(**kw):
    keys = []
    for k in kw:
        keys.append(k + "=" + repr(kw[k]))
    return keys
print(only_kwargs(b=1, a="x", c=None))
try:
    only_kwargs(1)
except TypeError as e:
    print(type(e).__name__, e)
def mixed(a, b=10, *rest, **opts):
    return [a, b, rest, opts]
print(mixed(1), mixed(1, 2, 3, 4, k=5))
