# The decorator form of property with getter, setter and deleter.
class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        print("get")
        return self._c

    @celsius.setter
    def celsius(self, value):
        print("set", value)
        if value < -273:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("delete")
        self._c = None

t = Temperature()
print(t.celsius)
t.celsius = 25
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
print(t.celsius)
del t.celsius
print(t.celsius, t.__dict__)
p = Temperature.celsius
print(p.fget.__name__, p.fset.__name__, p.fdel.__name__)
print(p.fget is p.fset)
