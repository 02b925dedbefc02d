# __add__ defined on a base fills nb_add for subclasses; no __radd__ means int + A fails.
class Money:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.n + other.n)
        if isinstance(other, int):
            return Money(self.n + other)
        return NotImplemented
    def __repr__(self):
        return "Money(" + str(self.n) + ")"

class Euro(Money):
    pass

class Cent(Euro):
    pass

print(Euro(2) + Euro(3))
print(Cent(1) + 10)
print(Money(5) + Cent(5))
try:
    print(1 + Cent(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(Cent(1) + "x")
except TypeError as e:
    print(type(e).__name__, e)
print(Cent.__add__ is Money.__add__)
print(type(Cent(1) + Cent(2)).__name__)
