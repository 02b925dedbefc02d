# __new__ and __init__: __init__ runs only if __new__ returns an instance of the class.
class Point:
    def __new__(cls, x, y):
        print("new", cls.__name__)
        return object.__new__(cls)
    def __init__(self, x, y):
        print("init", x, y)
        self.x = x
        self.y = y

class Point3(Point):
    pass

p = Point3(1, 2)
print(type(p).__name__, p.x, p.y)

class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never printed")
print(Other())

class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)

class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
