# callable() is true for anything whose type has a call slot.
class Plain:
    pass
class WithCall:
    def __call__(self):
        return "called"
def f():
    pass
values = [Plain, Plain(), WithCall(), f, lambda: 0, len, print, type, int, 1, "s", None, [], Plain.__init__, WithCall().__call__]
flags = []
for v in values:
    flags.append(callable(v))
print(flags)
p = Plain()
print(callable(p))
Plain.__call__ = lambda self: "now callable"
print(callable(p), p())
del Plain.__call__
print(callable(p))
p.__call__ = lambda: "instance attribute does not count"
print(callable(p))
try:
    p()
except TypeError as e:
    print(type(e).__name__, e)
