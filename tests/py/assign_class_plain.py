# __class__ assignment between plain classes changes behaviour and isinstance at once.
class C:
    def who(self):
        return "C"
class D:
    def who(self):
        return "D"
    def __len__(self):
        return 4
class E:
    def who(self):
        return "E"
class F(D, E):
    pass

x = C()
x.data = "kept"
for cls in [D, E, F, C, F]:
    x.__class__ = cls
    print(type(x).__name__, x.who(), x.data, isinstance(x, D), isinstance(x, E))
print(len(x))
x.__class__ = E
try:
    len(x)
except TypeError as e:
    print(type(e).__name__, e)
print(x.__class__ is E, type(x) is E)
setattr(x, "__class__", C)
print(x.who())
