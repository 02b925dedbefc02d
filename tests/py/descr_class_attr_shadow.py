# Instance attributes shadow class attributes; deleting them uncovers the class value.
class A:
    x = "class x"
    items = []

a = A()
b = A()
print(a.x, b.x)
a.x = "instance x"
print(a.x, b.x, A.x)
A.x = "new class x"
print(a.x, b.x)
del a.x
print(a.x)
a.items.append(1)
print(b.items, A.items)
try:
    del a.x
except AttributeError as e:
    print(type(e).__name__, e)
del A.x
try:
    print(b.x)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(A.x)
except AttributeError as e:
    print(type(e).__name__, e)
