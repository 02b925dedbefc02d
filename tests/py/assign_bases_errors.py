# __bases__ assignment is checked: deletion, type, emptiness, classes only, cycles, duplicates.
class C:
    pass
class D(C):
    pass
class E(D):
    pass

def attempt(value):
    try:
        D.__bases__ = value
        print("assigned")
    except TypeError as e:
        print(type(e).__name__, e)

try:
    del D.__bases__
except TypeError as e:
    print(type(e).__name__, e)
attempt([C])
attempt(())
attempt((C, 5))
attempt((D,))
attempt((E,))
attempt((C, C))
try:
    list.__bases__ = (object,)
except TypeError as e:
    print(type(e).__name__, e)
print(D.__bases__, E.__mro__)
