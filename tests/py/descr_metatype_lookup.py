# Attribute lookup on a class: metatype data descriptor, then the class MRO, then the
# metatype's non-data attributes; instances never see metatype attributes.
class MetaData:
    def __get__(self, obj, owner):
        return "meta data descriptor"
    def __set__(self, obj, value):
        print("MetaData.__set__ on", obj.__name__, value)

class Meta(type):
    shadowed = MetaData()
    meta_only = "meta plain"
    both = "meta both"
    def meta_method(cls):
        return "meta_method of " + cls.__name__

class A(metaclass=Meta):
    shadowed = "class value"
    both = "class both"

print(A.shadowed)
print(A.__dict__["shadowed"])
print(A.meta_only, A.both, A.meta_method())
A.shadowed = "assigned"
print(A.__dict__["shadowed"])
a = A()
print(a.shadowed, a.both)
try:
    a.meta_only
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.nothing
except AttributeError as e:
    print(type(e).__name__, e)
class B(A):
    pass
print(B.shadowed, B.meta_only, B.meta_method())
