# A metaclass __repr__ changes how classes print; instances are unaffected.
class Meta(type):
    def __repr__(cls):
        return "<Meta class " + cls.__name__ + ">"

class A(metaclass=Meta):
    pass
class B(A):
    pass

print(A, B, [A, B])
print(repr(A), str(A))
print(type.__repr__(A))
print(A())
print(B.__mro__)
class MetaStr(type):
    def __str__(cls):
        return "str of " + cls.__name__
class C(metaclass=MetaStr):
    pass
print(C, repr(C), [C])
Meta.__repr__ = lambda cls: "patched " + cls.__name__
print(A, B)
del Meta.__repr__
print(A)
