# __getattribute__ intercepts every lookup; __getattr__ runs when it raises AttributeError.
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return "method"

o = Logged()
print(o.x)
print(o.method())
try:
    o.nope
except AttributeError as e:
    print(type(e).__name__, e)

class WithFallback:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
w = WithFallback()
print(w.magic, w.other)

class Sub(WithFallback):
    pass
print(Sub().magic, Sub().zzz)
del WithFallback.__getattribute__
print(Sub().magic)
