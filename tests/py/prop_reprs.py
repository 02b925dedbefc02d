# What properties, classmethods and staticmethods look like when fetched from the class.
class A:
    @property
    def p(self):
        return 1
    @classmethod
    def c(cls):
        return cls
    @staticmethod
    def s():
        return "s"
    def f(self):
        return "f"

print(type(A.p).__name__, type(A.c).__name__, type(A.s).__name__, type(A.f).__name__)
print(A.c)
print(A().c)
print(A.s)
print(A.f)
print(A().f)
print(A.c() is A, A().c() is A)
print(A.__dict__["c"])
print(A.__dict__["s"])
print(isinstance(A.__dict__["p"], property), callable(A.__dict__["s"]))
print(callable(A.__dict__["c"]), callable(A.p))
