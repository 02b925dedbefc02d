# An uncaught TypeError at module level: exit status 1 and the message as the last line.
def describe(value):
    return "value: " + str(value)

print(describe(1))
print(describe("two"))
total = 0
for v in [1, 2, 3]:
    total += v
print("total", total)
result = total + " items"
print("not reached", result)
