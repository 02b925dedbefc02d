# __get__ receives (instance, owner); access through the class passes None as the instance.
class Show:
    def __get__(self, obj, owner):
        if obj is None:
            print("get from class", owner.__name__)
        else:
            print("get from instance of", type(obj).__name__, "owner", owner.__name__)
        return 1

class A:
    d = Show()
class B(A):
    pass

A.d
A().d
B.d
B().d
print(type.__getattribute__(B, "d"))
print(object.__getattribute__(B(), "d"))
print(getattr(A, "d") + getattr(B(), "d"))
print(A.__dict__["d"].__get__(None, B))
