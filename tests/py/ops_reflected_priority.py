# If the right operand's type is a subclass of the left's and overrides the reflected
# method, the reflected method is tried first.
log = []

class Base:
    def __add__(self, other):
        log.append("Base.__add__")
        return "Base.__add__"
    def __radd__(self, other):
        log.append("Base.__radd__")
        return "Base.__radd__"

class Over(Base):
    def __radd__(self, other):
        log.append("Over.__radd__")
        return "Over.__radd__"

class Same(Base):
    pass

print(Base() + Over(), log)
log = []
print(Base() + Same(), log)
log = []
print(Over() + Base(), log)
log = []
print(1 + Over(), log)

class Refuse(Base):
    def __radd__(self, other):
        log.append("Refuse.__radd__")
        return NotImplemented
log = []
print(Base() + Refuse(), log)
