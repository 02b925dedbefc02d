# A function that forgot to return a value; its None result is used as an object.
class Node:
    def __init__(self, value):
        self.value = value

def find(nodes, value):
    for n in nodes:
        if n.value == value:
            return n

nodes = [Node(1), Node(2)]
print(find(nodes, 2).value)
print(find(nodes, 3).value)
print("not reached")
