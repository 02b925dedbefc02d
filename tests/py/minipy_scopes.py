# Name resolution: locals, closures through several levels, global, nonlocal, class
# bodies (their names are not visible to methods), comprehension scopes.
x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x
def set_global():
    global x
    x = "changed"
print(read_global(), shadow(), x)
set_global()
print(x)

def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            return a + b
        return inner
    return middle()()
print(outer())

def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump
c = counter()
print(c(), c(), c())

class K:
    attr = 10
    doubled = attr * 2
    items = [i for i in range(attr, attr + 2)]
    try:
        hidden = [attr + i for i in range(2)]
    except NameError as e:
        hidden = "NameError: " + str(e)
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
print(K.doubled, K.items, K.hidden, K().method())

i = "outer i"
squares = [i * i for i in range(4)]
print(squares, i)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
print({k: v for k, v in zip("ab", (1, 2))})
total = sum(n for n in range(5) if n % 2)
print(total)
fs = [lambda: j for j in range(3)]
print([f() for f in fs])
def late():
    return y
try:
    late()
except NameError as e:
    print(e)
y = "defined later"
print(late())
def unbound():
    print(z)
    z = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
if (w := 5) > 3:
    print("walrus", w)
