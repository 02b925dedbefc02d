# Errors from super(): bad arguments and zero-argument super() outside a method.
class A:
    pass
class B(A):
    pass

try:
    super(B, A())
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)

def loose(self):
    return super()
try:
    loose(B())
except RuntimeError as e:
    print(type(e).__name__, e)

class C(B):
    def m(self):
        return super(A, self).nothing
try:
    C().m()
except AttributeError as e:
    print(type(e).__name__, e)
print(isinstance(super(B, B()), super))
