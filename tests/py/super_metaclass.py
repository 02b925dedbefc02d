# super() inside metaclass methods: __new__, __init__ and __call__.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", name, len(bases))
        ns["added_by_meta"] = True
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, v):
        print("Meta.__call__", cls.__name__, v)
        return super().__call__(v)

class A(metaclass=Meta):
    def __init__(self, v):
        print("A.__init__", v)
        self.v = v

class B(A):
    pass

b = B(5)
print(type(b).__name__, b.v, B.added_by_meta, type(B).__name__)
print("added_by_meta" in B.__dict__, "added_by_meta" in A.__dict__)
try:
    B(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
