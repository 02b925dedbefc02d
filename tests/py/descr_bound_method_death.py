# Bound methods of builtin and Python types taken and dropped in loops (their blocks
# are reused), and a bound method whose death releases the last reference to its
# __self__, whose __del__ takes and drops bound methods while the first one is freed.
items = []
for i in range(300):
    f = items.append
    f(i)
print(len(items), items[-1])
s = "abc"
ups = []
for _ in range(100):
    ups.append(s.upper)
print(len(ups), ups[0](), ups[-1]())
print(items.append.__self__ is items, ups[0].__self__ is s)
print(items.append == items.append, items.append is items.append)

# A bound method whose death releases the last reference to its __self__, whose
# __del__ takes and drops bound methods while the first one is being freed.
log = []
class Dying:
    def meth(self):
        return "meth"
    def __del__(self):
        for k in range(5):
            f = log.append
            f(k)
m = Dying().meth
print(m())
del m
print(log)
