# User objects as dict keys: __hash__ and __eq__ decide which entry is found.
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return self.k % 3
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return "Key(" + str(self.k) + ")"

d = {}
for i in range(6):
    d[Key(i)] = i * 10
print(len(d), d[Key(4)], Key(5) in d, Key(9) in d)
d[Key(4)] = "replaced"
print(len(d), d[Key(4)])
del d[Key(0)]
print(d)
try:
    d[Key(0)]
except KeyError as e:
    print(type(e).__name__, e)
print(hash(Key(7)), hash(5), hash(-1), hash(True), hash(0))
plain = {}
o = object()
plain[o] = "object key"
print(plain[o], o in plain, object() in plain)
