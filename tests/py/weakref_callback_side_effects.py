# Callbacks may allocate, touch globals and create new weak references.
import weakref

class Res:
    def __init__(self, name):
        self.name = name

registry = {}
def forget(ref):
    for name in registry:
        if registry[name] is ref:
            found = name
    print("forgetting", found)
    del registry[found]
    replacement = Res(found + "-new")
    holder.append(replacement)
    registry[replacement.name] = weakref.ref(replacement, forget)

holder = []
a = Res("a")
registry["a"] = weakref.ref(a, forget)
print(len(registry))
del a
print(len(registry), holder[0].name)
holder = []
print(len(registry))
for key in registry:
    print("left:", key, registry[key]() is not None)
registry = {}
holder = []
print("done")
