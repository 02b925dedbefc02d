# The same parameter name twice in one def.
# The whole file is compiled before anything runs: no output, exit status 1.
def greet(name):
    return "hello " + name

class Point:
    def __init__(self, x):
        self.x = x

print(greet("world"))
def add(a, a):
    return a
print("not reached")
