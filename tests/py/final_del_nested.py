# A finalizer that drops the last reference to another finalizable object runs it nested.
class Inner:
    def __del__(self):
        print("  Inner.__del__")

class Outer:
    def __init__(self):
        self.inner = Inner()
    def __del__(self):
        print("Outer.__del__ start")
        self.inner = None
        print("Outer.__del__ end")

class Releaser:
    def __del__(self):
        global other
        print("Releaser.__del__ drops the global")
        other = None

o = Outer()
del o
print("---")
other = Outer()
r = Releaser()
del r
print("other is", other)
print("done")
