# Thousands of class modifications interleaved with lookups stay correct (no version-tag
# exhaustion may make a lookup wrong).
class Base:
    counter = 0
class Leaf(Base):
    pass

leaf = Leaf()
wrong = 0
i = 0
while i < 5000:
    Base.counter = i
    if leaf.counter != i:
        wrong += 1
    if i % 7 == 0:
        Leaf.counter = -1
        if leaf.counter != -1:
            wrong += 1
        del Leaf.counter
    i += 1
print(wrong, leaf.counter, Leaf.counter)
Base.method = lambda self: "last"
print(leaf.method())
