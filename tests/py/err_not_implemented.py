# An abstract-style method raising NotImplementedError, uncaught.
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side * self.side

class Blob(Shape):
    pass

for shape in [Square(3), Square(4), Blob()]:
    print(type(shape).__name__, shape.area())
