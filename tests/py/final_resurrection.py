# A finalizer can resurrect its object; the finalizer never runs twice for one object.
saved = []

class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ of", self.name)
        saved.append(self)

p = Phoenix("bird")
del p
print("resurrected:", len(saved), saved[0].name)
p = saved[0]
saved = []
print("second death coming")
del p
print("after second death:", len(saved))
q = Phoenix("other")
q = None
print(len(saved), saved[0].name)
saved = []
print("done")
