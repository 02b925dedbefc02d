# Listing the same base twice is refused before C3 runs.
class A:
    pass
class B:
    pass

try:
    class C(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class C2(A, B, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    X = type("X", (B, B), {})
except TypeError as e:
    print(type(e).__name__, e)

try:
    class O(object, object):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Ok(A, B):
    pass
print(Ok.__mro__)
