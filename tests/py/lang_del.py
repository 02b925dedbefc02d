# del removes names, attributes and items.
x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
class Obj:
    pass
o = Obj()
o.a = 1
o.b = 2
del o.a
print(hasattr(o, "a"), o.b)
lst = [10, 20, 30, 40]
del lst[1]
print(lst)
del lst[-1]
print(lst)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del lst[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del undefined_name
except NameError as e:
    print(type(e).__name__, e)
def local_del():
    y = 5
    del y
    return "deleted local"
print(local_del())
a, b = 1, 2
del a, b
try:
    print(b)
except NameError as e:
    print(type(e).__name__, e)
