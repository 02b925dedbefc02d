# __del__ runs as soon as the last reference goes away.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = Noisy("a")
print("before del")
del a
print("after del")
b = Noisy("b1")
b = Noisy("b2")
print("rebound b")
def scope():
    local = Noisy("local")
    print("in scope")
scope()
print("after scope")
holder = [Noisy("in list")]
holder = None
d = {"k": Noisy("in dict")}
del d["k"]
print("dict emptied")
Noisy("temporary")
print("after temporary")
del b
print("done")
