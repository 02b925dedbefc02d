# Calling dunders through super(): repr, setattr, getattribute, eq, len.
class Base:
    def __repr__(self):
        return "Base-repr"
    def __len__(self):
        return 3

class Child(Base):
    def __repr__(self):
        return "Child(" + super().__repr__() + ")"
    def __setattr__(self, name, value):
        print("setting", name)
        super().__setattr__(name, value + 1)
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return super().__getattribute__(name)
    def __len__(self):
        return super().__len__() * 2
    def __eq__(self, other):
        return super().__eq__(other)

c = Child()
print(repr(c), len(c))
c.x = 1
print(c.x, c.secret)
print(c == c, c == 1, c.__eq__(1))
print(super(Child, c).__len__())
print(super(Base, c).__repr__())
