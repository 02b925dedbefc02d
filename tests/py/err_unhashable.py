# Using an unhashable value as a dict key.
seen = {}

def remember(key):
    seen[key] = True
    return len(seen)

print(remember("a"), remember(1), remember((1, 2)))
print("now a list key")
remember([1, 2])
print("not reached")
