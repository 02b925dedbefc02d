# classmethod binds to the class, even when called through an instance or a subclass.
class Shape:
    count = 0
    @classmethod
    def create(cls, n):
        cls.count = cls.count + n
        return cls()
    @classmethod
    def kind(cls):
        return cls.__name__

class Square(Shape):
    pass

s = Square.create(2)
print(type(s).__name__, Square.count, Shape.count)
print(Shape.kind(), Square.kind(), s.kind(), Shape().kind())
print(Square.kind)
m = s.kind
print(m.__self__ is Square, m.__func__ is Shape.__dict__["kind"].__func__)
print(type(Shape.__dict__["kind"]).__name__)
try:
    Shape.__dict__["kind"]()
except TypeError as e:
    print(type(e).__name__, e)
cm = classmethod(lambda cls, x: cls.__name__ + repr(x))
Shape.dyn = cm
print(Square.dyn(1), s.dyn(2))
