# Names built at run time and literal names refer to the same attribute.
class A:
    xy = "literal"

a = A()
name = "x" + "y"
print(a.xy, getattr(a, name), getattr(A, "x" + "y"))
setattr(A, name, "set through a computed name")
print(a.xy, A.xy)
A.xy = "set through a literal"
print(getattr(a, name))
delattr(A, "x" + str("y"))
print(hasattr(a, "xy"), hasattr(A, name))
key = ""
for part in ["m", "e", "t", "h"]:
    key = key + part
A.meth = lambda self: "meth called"
print(getattr(a, key)())
setattr(a, key, lambda: "instance meth")
print(a.meth())
delattr(a, "meth")
print(a.meth())
print(getattr(A, str("me") + "th") is A.meth)
