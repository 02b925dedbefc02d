# After __class__ assignment the new class's dunders (slots) apply immediately.
class Small:
    def __len__(self):
        return 1
    def __repr__(self):
        return "Small"
    def __add__(self, other):
        return "Small+"
class Big:
    def __len__(self):
        return 1000
    def __repr__(self):
        return "Big"
    def __eq__(self, other):
        return True
class Bare:
    pass

x = Small()
print(len(x), repr(x), x + 1)
x.__class__ = Big
print(len(x), repr(x), x == 5)
try:
    x + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(x)
except TypeError as e:
    print(type(e).__name__, e)
x.__class__ = Bare
print(x == 5, hash(x) == hash(x))
try:
    len(x)
except TypeError as e:
    print(type(e).__name__, e)
