# An uncaught KeyError shows the repr of the missing key.
prices = {"apple": 3, "pear": 4}

def price_of(name):
    return prices[name]

total = 0
for fruit in ["apple", "pear"]:
    total += price_of(fruit)
print("total", total)
print(price_of("banana"))
print("not reached")
