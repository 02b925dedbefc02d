# Comparison reflection: a < b falls back to b > a; a subclass on the right goes first.
log = []

class P:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append("P.__lt__")
        return NotImplemented
    def __gt__(self, other):
        log.append("P.__gt__")
        return self.v > other.v
    def __le__(self, other):
        log.append("P.__le__")
        return self.v <= other.v

class C(P):
    def __gt__(self, other):
        log.append("C.__gt__")
        return self.v > other.v
    def __ge__(self, other):
        log.append("C.__ge__")
        return self.v >= other.v

print(P(1) < P(2), log)
log = []
print(P(1) < C(2), log)
log = []
print(P(1) <= C(1), log)
log = []
print(C(1) <= P(1), log)
log = []
print(C(5) > P(1), log)
