# super(type, obj) starts the search after `type` in type(obj).__mro__.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
class D(B, C):
    def who(self):
        return "D"

d = D()
print(super(D, d).who())
print(super(B, d).who())
print(super(C, d).who())
print(super(A, d).__class__.__name__)
print(super(B, B()).who())
print(super(D, D).who(d))
print(super(B, D).who(d))
try:
    super(A, d).who()
except AttributeError as e:
    print(type(e).__name__, e)
print(type(super(D, d)).__name__)
