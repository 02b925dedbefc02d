# The with statement: __enter__/__exit__ on the manager's type, exceptions passed to
# __exit__, a true result swallows them, several managers nest.
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, tp, value, tb):
        print("exit", self.name, tp.__name__ if tp else None, value)
        return self.swallow

with CM("a") as v:
    print("body", v)
with CM("b", swallow=True):
    raise KeyError("k")
print("after swallow")
try:
    with CM("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)
with CM("x") as x, CM("y") as y:
    print("nested", x, y)
def early():
    with CM("r"):
        return "returned"
print(early())
for i in range(2):
    with CM("loop"):
        if i == 0:
            continue
        break
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
