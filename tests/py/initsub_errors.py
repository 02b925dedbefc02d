# An exception in __init_subclass__ aborts the class statement; keywords reach it via type().
class Strict:
    def __init_subclass__(cls):
        if cls.__name__ == "Rejected":
            raise ValueError("class " + cls.__name__ + " is not allowed")

class Accepted(Strict):
    pass
try:
    class Rejected(Strict):
        pass
except ValueError as e:
    print(type(e).__name__, e)
try:
    Rejected
except NameError as e:
    print(type(e).__name__, e)
print([Accepted.__name__])

class Flags:
    def __init_subclass__(cls, flag=0):
        cls.flag = flag
X = type("X", (Flags,), {}, flag=7)
print(X.flag)
class Y(Flags):
    pass
print(Y.flag)
class Plain:
    pass
try:
    type("Z", (Plain,), {}, flag=1)
except TypeError as e:
    print(type(e).__name__, e)
