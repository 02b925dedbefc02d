# Subclasses of builtins inherit their slots and can override them with dunders.
class MyInt(int):
    def __add__(self, other):
        return "MyInt add"
class MyList(list):
    def __len__(self):
        return 100
class Counted(list):
    pass

print(MyInt(3) + 4, 4 + MyInt(3), MyInt(3) * 2, int.__add__(MyInt(3), 4))
m = MyList()
m.append(1)
print(len(m), list.__len__(m), m[0])
c = Counted()
c.append(5)
c.append(6)
print(len(c), c[1], c, 5 in c)
print(int.__add__(1, 2), int.__mul__(6, 7), list.__len__([1, 2]))
print(MyInt(5) == 5, MyInt(5), repr(MyInt(5)), type(MyInt(5)).__name__)

class StrEq(int):
    __eq__ = str.__eq__
try:
    StrEq(1) == 1
except TypeError as e:
    print(type(e).__name__, e)

class ItemAttrs(dict):
    __setattr__ = dict.__setitem__
d = ItemAttrs()
d.x = 1
print(d, hasattr(d, "x"))
