# A long chain freed by refcounting and a long ring freed by the collector: no stack overflow.
import gc
import weakref
gc.disable()

class Link:
    pass

head = Link()
first = weakref.ref(head)
i = 0
while i < 100000:
    node = Link()
    node.next = head
    head = node
    i += 1
del node
print("built chain")
head = None
print("chain freed:", first() is None)

start = Link()
rs = weakref.ref(start)
current = start
i = 0
while i < 50000:
    nxt = Link()
    current.next = nxt
    current = nxt
    i += 1
current.next = start
del start
del current
del nxt
print("ring alive:", rs() is not None)
gc.collect()
print("ring collected:", rs() is None)
print("done")
