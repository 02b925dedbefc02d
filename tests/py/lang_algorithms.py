# Small whole programs: primes, gcd, bubble sort, dictionary counting.
def primes(limit):
    found = []
    n = 2
    while n < limit:
        is_prime = True
        for p in found:
            if p * p > n:
                break
            if n % p == 0:
                is_prime = False
                break
        if is_prime:
            found.append(n)
        n += 1
    return found
print(primes(60))

def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))

def bubble(items):
    items = list(items)
    n = len(items)
    for i in range(n):
        for j in range(n - 1 - i):
            if items[j] > items[j + 1]:
                items[j], items[j + 1] = items[j + 1], items[j]
    return items
print(bubble([5, 2, 9, 1, 5, 6]))

counts = {}
for word in ["a", "b", "a", "c", "b", "a"]:
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1
print(counts)
def power_set_size(n):
    return 1 if n == 0 else 2 * power_set_size(n - 1)
print(power_set_size(10))
