# super() works in classmethods and in __new__, binding to the class.
class Base:
    @classmethod
    def make(cls):
        return "Base.make for " + cls.__name__
    def __new__(cls, *args):
        print("Base.__new__", cls.__name__, args)
        return super().__new__(cls)

class Child(Base):
    @classmethod
    def make(cls):
        return "Child.make -> " + super().make()
    def __new__(cls, value):
        print("Child.__new__", value)
        obj = super().__new__(cls, value)
        obj.value = value
        return obj
    def __init__(self, value):
        print("Child.__init__", value)

class GrandChild(Child):
    pass

print(Child.make())
print(GrandChild.make())
g = GrandChild(3)
print(type(g).__name__, g.value)
