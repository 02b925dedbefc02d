# A __getattr__ added to a base later takes effect on existing instances; deleting it reverts.
class Base:
    pass
class Child(Base):
    def __init__(self):
        self.real = "real"

c = Child()
try:
    c.missing
except AttributeError as e:
    print(type(e).__name__, e)

def fallback(self, name):
    return "computed " + name
Base.__getattr__ = fallback
print(c.missing, c.real)
print(getattr(c, "other"), hasattr(c, "anything"))

def strict(self, name):
    raise AttributeError("no " + name + " here")
Child.__getattr__ = strict
try:
    c.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(c, "missing", "default"))
del Child.__getattr__
print(c.missing)
del Base.__getattr__
try:
    c.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(c, "missing"))
