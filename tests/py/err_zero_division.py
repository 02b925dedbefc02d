# An uncaught ZeroDivisionError from integer floor division inside a function.
def average(values):
    total = 0
    for v in values:
        total += v
    return total // len(values)

print(average([2, 4, 6]))
print(average([10]))
print("now an empty list")
print(average([]))
print("not reached")
