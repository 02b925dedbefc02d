# __repr__ and __str__: str() falls back to __repr__; print uses str().
class R:
    def __repr__(self):
        return "R()"
class S(R):
    def __str__(self):
        return "an S"
class Plain:
    pass
class BadRepr:
    def __repr__(self):
        return 5
class BadStr:
    def __str__(self):
        return None

print(repr(R()), str(R()), R())
print(repr(S()), str(S()), S())
print([R(), S()], (S(),), {"k": S()})
p = Plain()
print(str(p) == repr(p))
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
R.__repr__ = lambda self: "patched"
print(R(), S(), repr(S()))
del S.__str__
print(S())
