# A non-data descriptor whose __get__ removes it from the class (and drops the last
# reference to it) while it runs: the lookup must keep the descriptor alive through
# the call. Then the same lookups once the instance shadows the name.
import gc

class SelfRemoving:
    def __init__(self, tag):
        self.tag = tag
    def __get__(self, obj, owner):
        if obj is None:
            return self
        del A.attr
        gc.collect()
        return "got " + self.tag + " for " + type(obj).__name__

class A:
    attr = SelfRemoving("first")

class B(A):
    pass

b = B()
print(b.attr)
print(hasattr(b, "attr"), "attr" in A.__dict__)
A.attr = SelfRemoving("second")
print(b.attr)
print(hasattr(A, "attr"))

class C:
    def meth(self):
        return "method"

c = C()
print(c.meth())
c.meth = lambda: "instance"
print(c.meth())
del c.meth
print(c.meth())
