# What super() returns for each kind of class attribute.
class Base:
    plain = "plain value"
    @staticmethod
    def static(x):
        return "static " + repr(x)
    @classmethod
    def klass(cls):
        return "classmethod bound to " + cls.__name__
    @property
    def prop(self):
        return "property of " + type(self).__name__
    def method(self):
        return "method of " + type(self).__name__

class Child(Base):
    plain = "child plain"
    def look(self):
        s = super()
        return [s.plain, s.static(1), s.klass(), s.prop, s.method()]
    @classmethod
    def class_look(cls):
        return [super().plain, super().klass(), type(super().prop).__name__]

c = Child()
for item in c.look():
    print(item)
print(Child.class_look())
m = super(Child, c).method
print(m.__self__ is c, m.__func__ is Base.method)
