# The recursion guard of list/dict reprs also works when the cycle passes through user __repr__.
class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
    def __repr__(self):
        return "Node(" + self.name + ", " + repr(self.children) + ")"

root = Node("root")
root.children.append(root)
print(root)
a = Node("a")
b = Node("b")
a.children.append(b)
b.children.append(a)
print(a)
print([a, b])
class Table:
    def __init__(self):
        self.rows = {}
    def __repr__(self):
        return "Table" + repr(self.rows)
t = Table()
t.rows["me"] = t
t.rows["list"] = [t]
print(t)
root.children[0] = None
a.children[0] = None
t.rows["me"] = None
t.rows["list"] = None
print(root, a, t)
