# A metaclass may override mro(); the result becomes __mro__ and drives lookup.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class Reversing(type):
    def mro(cls):
        normal = type.mro(cls)
        out = []
        i = len(normal) - 1
        while i >= 0:
            out.append(normal[i])
            i -= 1
        return out

class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        return "B"
class C(A):
    def f(self):
        return "C"
class D(B, C):
    def f(self):
        return "D"

class X(D, B, C, A, metaclass=Reversing):
    pass

print(names(X.__mro__))
print(X().f())
print(type(X).__name__, type(X.__mro__).__name__)
print(names(type.mro(X)))
print(isinstance(X(), D), issubclass(X, A))
