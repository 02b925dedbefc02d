# The callback receives the weak reference object, already dead.
import weakref

class A:
    def __init__(self, name):
        self.name = name

seen = []
def callback(ref):
    seen.append(ref)
    print("callback: is r1?", ref is r1, "dead?", ref() is None)

x = A("x")
r1 = weakref.ref(x, callback)
print("alive:", r1().name)
del x
print(len(seen), seen[0] is r1)
y = A("y")
r1 = weakref.ref(y, callback)
y = A("z")
print(len(seen), seen[1] is r1)
del y
print("done")
