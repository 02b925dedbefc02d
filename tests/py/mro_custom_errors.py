# Errors raised when a custom mro() returns something unusable.
mode = "ok"

class Meta(type):
    def mro(cls):
        if mode == "int":
            return 1
        if mode == "empty":
            return []
        if mode == "nonclass":
            return [cls, 5, object]
        if mode == "layout":
            return [cls, dict, object]
        return type.mro(cls)

class Base(metaclass=Meta):
    pass
print(Base.__mro__)

for m in ["int", "empty", "nonclass", "layout"]:
    mode = m
    try:
        class Bad(metaclass=Meta):
            pass
        print(m, "created", Bad.__mro__)
    except TypeError as e:
        print(m, type(e).__name__, e)

mode = "ok"
class Good(Base):
    pass
print(Good.__mro__)
