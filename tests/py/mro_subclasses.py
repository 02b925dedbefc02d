# __subclasses__() lists direct subclasses in creation order.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class Root:
    pass
class A(Root):
    pass
class B(Root):
    pass
class C(A, B):
    pass
class D(A):
    pass

print(names(Root.__subclasses__()))
print(names(A.__subclasses__()))
print(names(B.__subclasses__()))
print(names(C.__subclasses__()))
print(type(Root.__subclasses__()).__name__)
E = type("E", (B,), {})
print(names(B.__subclasses__()))
print(names(Root.__subclasses__()))
