# The metaclass of a class must be a subclass of the metaclasses of all its bases.
class M1(type):
    pass
class M2(type):
    pass
class A(metaclass=M1):
    pass
class B(metaclass=M2):
    pass

try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class D(object, None):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class M3(M1, M2):
    pass
class E(A, B, metaclass=M3):
    pass
print(type(E).__name__, E.__mro__)

class F(A):
    pass
print(type(F).__name__)

try:
    class G(A, metaclass=M2):
        pass
except TypeError as e:
    print(type(e).__name__, e)
