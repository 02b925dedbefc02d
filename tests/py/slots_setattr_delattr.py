# __setattr__ and __delattr__ intercept writes; object.__setattr__ performs the real store.
class Guarded:
    def __setattr__(self, name, value):
        if name == "locked":
            raise AttributeError("locked is read-only")
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

class Sub(Guarded):
    pass

s = Sub()
s.a = 1
setattr(s, "b", 2)
print(s.a, s.b)
try:
    s.locked = 3
except AttributeError as e:
    print(type(e).__name__, e)
del s.a
try:
    del s.a
except AttributeError as e:
    print(type(e).__name__, e)
delattr(s, "b")
print(hasattr(s, "b"))
Guarded.__setattr__ = object.__setattr__
s.c = 4
print(s.c)
del Guarded.__setattr__
s.d = 5
print(s.d)
