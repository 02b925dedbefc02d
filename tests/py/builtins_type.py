# type() with one argument returns the class of any object.
class A:
    pass
def f():
    pass
values = [1, "s", None, True, [], (), {}, A(), A, f, len, range(2), object(), type, NotImplemented]
for v in values:
    print(type(v).__name__, end=" ")
print()
print(type(1), type(A()), type(A), type(type))
print(type(1) is int, type(A()) is A, type(A) is type)
print(type(ValueError("x")).__name__, type(ValueError).__name__, type(f()).__name__)
try:
    type()
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
