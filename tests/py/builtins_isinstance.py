# isinstance and issubclass with classes, tuples of classes, and their errors.
Bool = type(True)
class A:
    pass
class B(A):
    pass
class C:
    pass

b = B()
print(isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, ()))
print(isinstance(1, int), isinstance(True, int), isinstance(1, Bool), isinstance("s", str))
print(isinstance(None, object), isinstance(A, type), isinstance(A, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(Bool, int))
print(issubclass(A, object), issubclass(type, object), issubclass(B, B))
print(isinstance(b, (C, (A, C))), issubclass(B, ((C,), A)))
try:
    isinstance(b, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(B, b)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(b)
except TypeError as e:
    print(type(e).__name__, e)
