# staticmethod never binds: the same function from the class and from instances.
class Util:
    @staticmethod
    def add(a, b=10):
        return a + b
    def plain(x):
        return x

class Sub(Util):
    pass

u = Sub()
print(Util.add(1, 2), u.add(3), Sub.add(b=1, a=2))
print(Util.add is u.add, Util.__dict__["add"] is Util.add)
print(type(Util.__dict__["add"]).__name__, type(Util.add).__name__)
print(Util.__dict__["add"](5))
print(Util.plain(7))
try:
    u.plain()
    print("no error")
except TypeError as e:
    print(type(e).__name__, e)
Util.later = staticmethod(lambda: "static later")
print(u.later(), Sub.later())
try:
    u.add()
except TypeError as e:
    print(type(e).__name__, e)
