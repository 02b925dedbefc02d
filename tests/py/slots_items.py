# __getitem__ / __setitem__ / __delitem__ drive subscripts, inherited through the MRO.
class Store:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        return self.d[key]
    def __setitem__(self, key, value):
        self.d[key] = value
    def __delitem__(self, key):
        print("deleting", key)
        del self.d[key]

class Sub(Store):
    pass

s = Sub()
s["a"] = 1
s[2] = "two"
print(s["a"], s[2])
del s["a"]
try:
    s["a"]
except KeyError as e:
    print(type(e).__name__, e)

class Nothing:
    pass
n = Nothing()
try:
    n[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    n[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del n[0]
except TypeError as e:
    print(type(e).__name__, e)

class ReadOnly:
    def __getitem__(self, i):
        return i * 2
r = ReadOnly()
print(r[21])
try:
    r[1] = 2
except TypeError as e:
    print(type(e).__name__, e)
