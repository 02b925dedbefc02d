# hex/oct/bin and dir() over instances, classes and the module namespace.
print(hex(255), hex(-255), oct(8), bin(5), bin(-3), hex(True))
class A:
    x = 1
    def m(self): pass
a = A()
a.y = 2
print([n for n in dir(a) if not n.startswith("__")], [n for n in dir(A) if not n.startswith("__")])
print("A" in dir(), "__name__" in dir())
