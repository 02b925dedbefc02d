# Defining __eq__ without __hash__ makes instances unhashable; __hash__ = None blocks inheritance.
class Plain:
    pass
class EqOnly:
    def __eq__(self, other):
        return True
class EqSub(EqOnly):
    pass
class Both:
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 42
class NoHash(Both):
    __hash__ = None
class Again(NoHash):
    def __hash__(self):
        return 7

print(EqOnly.__hash__, EqSub.__hash__, NoHash.__hash__)
print(hash(Both()), hash(Again()))
for cls in [EqOnly, EqSub, NoHash]:
    try:
        hash(cls())
    except TypeError as e:
        print(type(e).__name__, e)
print(EqOnly() == 1, EqOnly() != 1, Plain() == Plain())
try:
    d = {}
    d[EqOnly()] = 1
except TypeError as e:
    print(type(e).__name__, e)
print("__hash__" in EqOnly.__dict__, "__hash__" in EqSub.__dict__)
for t in [list, dict]:
    try:
        hash(t())
    except TypeError as e:
        print(type(e).__name__, e)
