# __delete__ handles `del obj.attr`; a descriptor with only __delete__ is a data descriptor.
class Deletable:
    def __get__(self, obj, owner):
        return "value"
    def __delete__(self, obj):
        print("Deletable.__delete__ on", type(obj).__name__)

class DelOnly:
    def __delete__(self, obj):
        print("DelOnly.__delete__")

class A:
    d = Deletable()
    o = DelOnly()

a = A()
del a.d
print(a.d)
delattr(a, "d")
del a.o
try:
    a.o = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a.d = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type(a.o).__name__)
print(a.__dict__)
