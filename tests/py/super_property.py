# super() reaches a base's property getter; assigning through super() is not supported.
class Base:
    @property
    def size(self):
        return 10
    label = "base label"

class Child(Base):
    @property
    def size(self):
        return super().size + 1
    def base_label(self):
        return super().label
    def try_set(self):
        try:
            super().label = "x"
        except AttributeError as e:
            print(type(e).__name__, e)

class GrandChild(Child):
    @property
    def size(self):
        return super().size * 100

c = Child()
print(c.size, c.base_label())
c.try_set()
print(GrandChild().size)
print(super(Child, GrandChild()).size)
print(super(GrandChild, GrandChild()).size)
