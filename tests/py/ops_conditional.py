# Conditional expressions evaluate only the chosen branch.
def show(tag, v):
    print("eval", tag)
    return v

x = show("yes", 1) if show("cond", True) else show("no", 2)
print(x)
y = show("yes", 1) if show("cond", 0) else show("no", 2)
print(y)
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
for n in [-5, 0, 5]:
    print(n, sign(n))
z = (lambda v: v * 2)(3) if [] else "empty list is false"
print(z)
print("a" if "" else "b", "c" if " " else "d")
values = []
for i in range(5):
    values.append(i if i % 2 == 0 else -i)
print(values)
