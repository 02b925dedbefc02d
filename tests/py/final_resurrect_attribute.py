# Resurrection by storing self into a live object's attribute; the object keeps its state.
class Keeper:
    pass
keeper = Keeper()

class Ghost:
    def __init__(self, n):
        self.n = n
        self.items = [n, n + 1]
    def __del__(self):
        print("Ghost.__del__", self.n)
        keeper.ghost = self

g = Ghost(10)
del g
print(keeper.ghost.n, keeper.ghost.items)
keeper.ghost.n = 11
print(keeper.ghost.n)
keeper.ghost = None
print("gone without a second __del__")
g = Ghost(20)
g = Ghost(30)
print(keeper.ghost.n)
del g
print(keeper.ghost.n)
del keeper.ghost
print("done")
