# An uncaught IndexError from a list subscript.
queue = [10, 20, 30]

def nth(items, n):
    return items[n]

print(nth(queue, 0), nth(queue, 2), nth(queue, -1))
i = 0
while True:
    print("item", nth(queue, i))
    i += 1
print("not reached")
