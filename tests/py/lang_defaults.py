# Defaults are evaluated once; keyword arguments and argument errors.
def f(a, b=2, c=3):
    return [a, b, c]

print(f(1), f(1, 20), f(1, c=30), f(c=3, b=2, a=1))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))
default = "original"
def g(v=default):
    return v
default = "changed"
print(g())
for call in ["f()", "f(1, 2, 3, 4)", "f(1, z=2)", "f(1, a=2)"]:
    try:
        if call == "f()":
            f()
        elif call == "f(1, 2, 3, 4)":
            f(1, 2, 3, 4)
        elif call == "f(1, z=2)":
            f(1, z=2)
        else:
            f(1, a=2)
    except TypeError as e:
        print(type(e).__name__, e)
def h():
    return "no args"
try:
    h(1)
except TypeError as e:
    print(type(e).__name__, e)
print(f.__name__, h.__name__, f.__qualname__)
