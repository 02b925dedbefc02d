# Subclasses of builtins are ordinary mutable classes; the builtin stays immutable.
class MyInt(int):
    pass
class MyList(list):
    pass

MyInt.extra = "yes"
MyInt.__neg__ = lambda self: "negated"
print(MyInt.extra, MyInt(3).extra, -MyInt(3), -3)
try:
    int.extra = "no"
except TypeError as e:
    print(type(e).__name__, e)
MyList.__len__ = lambda self: 99
m = MyList()
print(len(m), len([]))
del MyList.__len__
print(len(m))
del MyInt.__neg__
print(-MyInt(3))
n = MyInt(4)
n.tag = "instance attr"
print(n.tag, n + 1)
try:
    (4).tag = 1
except AttributeError as e:
    print(type(e).__name__, e)
