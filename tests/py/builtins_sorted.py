# sorted() returns a new list; key= and reverse= work; the sort is stable.
data = [3, 1, 2]
result = sorted(data)
print(result, data, result is data)
print(sorted("banana"), sorted((5, -1)), sorted({"z": 1, "a": 2}))
print(sorted([3, 1, 2], reverse=True))
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted(pairs))
words = ["bb", "a", "ccc", "dd"]
print(sorted(words, key=len))
class Item:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return "Item" + str(self.n)
print(sorted([Item(2), Item(0), Item(1)]))
try:
    sorted([1, "two"])
except TypeError as e:
    # Only the type: which pair gets compared first is up to the sort algorithm.
    print(type(e).__name__)
try:
    sorted(5)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([]), sorted(range(3), key=lambda v: -v))
