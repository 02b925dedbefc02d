# Integer arithmetic: floor division and modulo round toward negative infinity.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3)]
for pair in pairs:
    a = pair[0]
    b = pair[1]
    print(a, b, a // b, a % b, a * b, a - b, a + b)
print(2 ** 10, (-2) ** 3, -2 ** 2, 0 ** 0, 1 ** 100, 7 ** 1)
print(10 - 2 - 3, 2 ** 3 ** 2, 100 // 10 // 3, 17 % 5 % 3)
print(-(-5), --5, -0)
for op in ["//", "%"]:
    try:
        if op == "//":
            print(1 // 0)
        else:
            print(1 % 0)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    print(0 // 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(int("42") + 1, int("-17"), int(True), int(5))
try:
    int("4x2")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
