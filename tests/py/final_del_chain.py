# Finalizers of a chain run from the head: the head's __del__ sees its fields intact.
class Node:
    def __init__(self, name, next):
        self.name = name
        self.next = next
    def __del__(self):
        if self.next is None:
            print("del", self.name, "(end)")
        else:
            print("del", self.name, "-> next", self.next.name)

head = Node("a", Node("b", Node("c", None)))
print("built")
del head
print("chain gone")
second = Node("x", Node("y", None))
keep = second.next
del second
print("y still alive:", keep.name)
del keep
print("done")
