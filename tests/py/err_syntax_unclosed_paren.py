# A parenthesis opened and never closed.
# The whole file is compiled before anything runs: no output, exit status 1.
def greet(name):
    return "hello " + name

class Point:
    def __init__(self, x):
        self.x = x

print(greet("world"))
total = (1 + 2
print(total)
print("not reached")
