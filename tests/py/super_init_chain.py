# Cooperative __init__ through a diamond, passing keyword arguments along.
log = []

class Base:
    def __init__(self, **kwargs):
        log.append("Base")
        print("Base got", sorted(kwargs))

class Left(Base):
    def __init__(self, left=0, right=0):
        log.append("Left")
        self.left = left
        super().__init__(right=right)

class Right(Base):
    def __init__(self, right=0, **kwargs):
        log.append("Right")
        self.right = right
        super().__init__(extra=1)

class Both(Left, Right):
    def __init__(self, left, right):
        log.append("Both")
        super().__init__(left=left, right=right)

b = Both(1, 2)
print(log, b.left, b.right)
log = []
l = Left(5)
print(log, l.left, hasattr(l, "right"))
log = []
r = Right(7, unused=3)
print(log, r.right)
