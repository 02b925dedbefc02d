# Augmented assignment to attributes and items evaluates the target once.
class Tracked:
    def __init__(self):
        self.data = {"n": 1}
    def __getitem__(self, k):
        print("getitem", k)
        return self.data[k]
    def __setitem__(self, k, v):
        print("setitem", k, v)
        self.data[k] = v

def key():
    print("key evaluated")
    return "n"

t = Tracked()
t[key()] += 5
print(t.data)
class Holder:
    pass
def holder():
    print("holder evaluated")
    return h
h = Holder()
h.count = 0
holder().count += 1
holder().count += 10
print(h.count)
lst = [1, 2, 3]
lst[0] -= 10
lst[2] *= 3
print(lst)
d = {"s": "a"}
d["s"] += "b"
print(d)
