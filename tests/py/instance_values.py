# Instance attributes kept as values indexed by the class's shared keys (CPython 3.11):
# each instance's own insertion order, deletion and re-adding, more attributes than the
# keys capacity (30), __dict__ read then further setattr, __dict__ replaced, __class__
# assignment, cycles through the values, weak references, str-subclass names.
import gc
import weakref


class A:
    pass


a = A()
a.x = 1
a.y = 2
a.z = 3
b = A()
b.z = 3
b.x = 1
b.y = 2
print(list(a.__dict__), list(b.__dict__))
print(vars(b))

c = A()
c.x = 1
c.y = 2
del c.x
print(hasattr(c, 'x'), c.y)
c.x = 5
print(list(c.__dict__), c.__dict__)
try:
    del c.nothere
except AttributeError as e:
    print('AttributeError', e)
try:
    del c.x
    del c.x
except AttributeError as e:
    print('AttributeError', e)


class Wide:
    pass


d = Wide()
for i in range(40):
    setattr(d, 'a' + str(i), i)
print(len(d.__dict__), list(d.__dict__)[:3], list(d.__dict__)[-1], d.a39, d.a0)
d2 = Wide()
d2.a35 = 'late'
d2.a1 = 'early'
print(d2.__dict__, d2.a35)

e = A()
e.p = 1
dd = e.__dict__
e.q = 2
print(dd, e.__dict__ is dd, e.q)
del e.p
print(dd)

f = A()
f.p = 1
f.__dict__ = {'r': 3}
print(f.__dict__, hasattr(f, 'p'), f.r)
f.s = 4
print(f.__dict__)
del f.__dict__
print(f.__dict__)
f.t = 5
print(f.__dict__, f.t)


class B:
    pass


g = A()
g.u = 1
g.v = 2
g.__class__ = B
print(type(g).__name__, g.__dict__)
g.w = 3
print(g.__dict__, g.u)
g.__class__ = A
print(type(g).__name__, g.__dict__)


class Sub(A):
    pass


s = Sub()
s.k = 'sub'
s.x = 'x'
print(s.__dict__, s.k)


class Name(str):
    pass


h = A()
h.m = 1
setattr(h, Name('n'), 2)
print(h.__dict__, h.n, getattr(h, Name('m')))


class Node:
    pass


gc.collect()
n1 = Node()
n2 = Node()
n1.other = n2
n2.other = n1
w = weakref.ref(n1)
del n1, n2
print(w() is not None, gc.collect(), w())

chain = None
for i in range(1000):
    nxt = Node()
    nxt.next = chain
    chain = nxt
w = weakref.ref(chain)
del chain, nxt
print(w())


class Prop:
    @property
    def x(self):
        return 'property'


p = Prop()
try:
    p.x = 1
except AttributeError as e:
    print('AttributeError', e)
p.__dict__['x'] = 'shadowed?'
print(p.x)
