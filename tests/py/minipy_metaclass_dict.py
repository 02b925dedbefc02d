# A class whose metaclass is a Python subclass of type keeps its namespace in its own
# __dict__ (the metaclass adds no instance __dict__ of its own).
class Meta(type):
    tag = "meta"

class A(metaclass=Meta):
    x = 1
    def m(self):
        return "m"

print("x" in A.__dict__, "m" in A.__dict__, A.x, A().m(), A.tag)
print(type(A).__name__, sorted(k for k in A.__dict__ if not k.startswith("__")))
A.y = 2
print(A.__dict__["y"], "tag" in A.__dict__)
