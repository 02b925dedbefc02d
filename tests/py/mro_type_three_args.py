# type(name, bases, dict) builds a class exactly like a class statement.
class A:
    def who(self):
        return "A"
class B(A):
    pass

def c_who(self):
    return "C:" + A.who(self)

C = type("C", (B,), {"who": c_who, "n": 3})
print(C)
print(C.__mro__)
print(C.__name__, C.__qualname__, C.__module__)
print(C().who(), C.n)
print(type(C) is type, isinstance(C(), A))

D = type("D", (), {})
print(D.__bases__, D.__mro__)

try:
    type("E", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("E", (A,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("E", A, {})
except TypeError as e:
    print(type(e).__name__, e)
