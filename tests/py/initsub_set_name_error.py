# An exception in __set_name__ is wrapped in a RuntimeError naming the attribute and owner.
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("bad field " + name)

try:
    class Holder:
        ok = 1
        broken = Bad()
except RuntimeError as e:
    print(type(e).__name__, e)

class NotCallable:
    __set_name__ = 5
try:
    class Holder2:
        attr = NotCallable()
except TypeError as e:
    print(type(e).__name__, e)
except RuntimeError as e:
    print(type(e).__name__, e)
print("end")
