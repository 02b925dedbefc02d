# object.__setattr__ may not be used to bypass type's own __setattr__ (the Carlo Verre hack).
try:
    object.__setattr__(str, "foo", 42)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__delattr__(str, "lower")
except TypeError as e:
    print(type(e).__name__, e)

class Good(type):
    def __setattr__(cls, name, value):
        print("Good.__setattr__", name)
        type.__setattr__(cls, name, value)
class Bad(type):
    def __setattr__(cls, name, value):
        object.__setattr__(cls, name, value)

class A(metaclass=Good):
    pass
class B(metaclass=Bad):
    pass
A.x = 1
print(A.x)
try:
    B.x = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(A, "y", 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__setattr__(int, "y", 2)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(B, "x"), hasattr(A, "y"))
