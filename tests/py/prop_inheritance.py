# Properties are inherited, overridden, and extended with a setter in a subclass.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @property
    def name(self):
        return "base"

class Child(Base):
    @property
    def name(self):
        return "child of " + Base.name.fget(self)
    @Base.v.setter
    def v(self, value):
        self._v = value * 2

b = Base()
c = Child()
print(b.v, c.v, b.name, c.name)
c.v = 5
print(c.v)
try:
    b.v = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(Base.v is Child.v, Base.v.fget is Child.v.fget)
print(Child.v.fset is None, Base.v.fset is None)
