# Loops with else, break/continue, try/finally interplay with return, nested functions.
for i in range(3):
    if i == 5:
        break
else:
    print("for-else ran")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)

def finally_wins():
    try:
        return "try"
    finally:
        return "finally"
print(finally_wins())

def finally_runs():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i if False else "f" + str(i))
    return out
print(finally_runs())

def swallow():
    try:
        raise ValueError("x")
    finally:
        return "swallowed"
print(swallow())

def gen_order():
    log = []
    try:
        log.append("body")
        raise KeyError("k")
    except KeyError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(gen_order())

x = 0
print(x or "default", x and "never", 1 and 2, None or 0 or [], not x)
print(1 < 2 < 3, 3 > 2 > 2, "chained" if 1 < 2 <= 2 else "no", 5 if x else 6)
a = b = c = 7
a += 1
print(a, b, c)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
print(lst)
d = {"k": 1}
d["k"] -= 5
print(d)
del lst[1]
print(lst, 2 in lst, 3 not in lst)
assert len(lst) == 2, "length"
try:
    assert lst == [], "list not empty: %s" if False else "list not empty"
except AssertionError as e:
    print("AssertionError:", e)
