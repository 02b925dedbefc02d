# __set_name__ runs before __init_subclass__, and both see the finished class.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", name, "owner has fields:", hasattr(owner, "fields"))

class Base:
    fields = []
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, "mro length", len(cls.__mro__))

class Model(Base):
    x = Field()
    y = Field()

class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__ before type.__new__", name)
        cls = super().__new__(mcls, name, bases, ns)
        print("Meta.__new__ after type.__new__", name)
        return cls
    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)

class WithMeta(Base, metaclass=Meta):
    z = Field()
