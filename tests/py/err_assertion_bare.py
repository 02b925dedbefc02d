# A failing assert without a message: the last line is just the exception name.
def invariant(items):
    assert len(items) < 3
    return len(items)

print(invariant([]))
print(invariant([1]))
print(invariant([1, 2]))
print("about to break the invariant")
invariant([1, 2, 3])
print("not reached")
