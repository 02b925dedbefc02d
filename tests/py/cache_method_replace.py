# Repeated lookups followed by replacing the method on the class or a base.
class Base:
    def value(self):
        return "base"
class Child(Base):
    pass

c = Child()
results = []
for k in range(3):
    results.append(c.value())
print(results)
Base.value = lambda self: "patched base"
print(c.value(), Child().value())
Child.value = lambda self: "child own"
print(c.value(), Base().value())
del Child.value
print(c.value())
del Base.value
try:
    c.value()
except AttributeError as e:
    print(type(e).__name__, e)
Base.value = lambda self: "restored"
for k in range(2):
    print(c.value())
