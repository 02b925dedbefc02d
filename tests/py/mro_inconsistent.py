# An inconsistent hierarchy is rejected with CPython 3.11's message (a newline before "order").
class A:
    pass
class B(A):
    pass
class C(A):
    pass
class D(B, C):
    pass
class E(C, B):
    pass

print(E.__mro__)
try:
    class F(D, E):
        pass
    print("created F")
except TypeError as e:
    print(type(e).__name__, e)

try:
    class G(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class H(A, C, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# The failed statements bound nothing.
try:
    print(F)
except NameError as e:
    print(type(e).__name__, e)
