# Nested functions read variables of enclosing functions; the cell is shared, not copied.
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))

def counter():
    state = [0]
    def inc():
        state[0] = state[0] + 1
        return state[0]
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())

def late():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return fns
results = []
for f in late():
    results.append(f())
print(results)

def outer():
    x = "before"
    def show():
        return x
    x = "after"
    return show
print(outer()())

def three_levels(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(three_levels(1)(20)(300))
