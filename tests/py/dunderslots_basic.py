# __slots__ gives fixed attributes and no instance __dict__.
class Point:
    __slots__ = ["x", "y"]
    def __init__(self, x):
        self.x = x

p = Point(1)
p.y = 2
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.__dict__
except AttributeError as e:
    print(type(e).__name__, e)
q = Point(5)
try:
    q.y
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(q, "y"), getattr(q, "y", "unset"))
print(Point.__slots__, "__dict__" in Point.__dict__, "x" in Point.__dict__)
del p.y
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "y"))
