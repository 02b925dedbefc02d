# A name looked up and not found must be found once it is added, and lost once removed.
class A:
    pass
class B(A):
    pass

b = B()
for i in range(3):
    print(hasattr(b, "late"), hasattr(B, "late"), getattr(B, "late", "missing"))
A.late = "added to A"
print(b.late, B.late)
B.late = "added to B"
print(b.late)
del B.late
del A.late
print(hasattr(b, "late"), getattr(b, "late", "missing again"))
setattr(A, "late", 1)
print(b.late)
delattr(A, "late")
try:
    b.late
except AttributeError as e:
    print(type(e).__name__, e)
try:
    B.late
except AttributeError as e:
    print(type(e).__name__, e)
