# Builtin (static) types refuse attribute assignment and deletion.
NoneType = type(None)

def attempt_set(cls, name):
    try:
        setattr(cls, name, 1)
        print("set", name, "on", cls.__name__)
    except TypeError as e:
        print(type(e).__name__, e)

def attempt_del(cls, name):
    try:
        delattr(cls, name)
    except TypeError as e:
        print(type(e).__name__, e)

for cls in [int, str, list, dict, tuple, object, type, NoneType, TypeError]:
    attempt_set(cls, "x")
attempt_set(int, "__add__")
attempt_set(object, "__repr__")
attempt_del(int, "real")
attempt_del(object, "__init__")
attempt_del(list, "nothing")
print(hasattr(int, "x"), int.__add__(2, 3), (5).real)
