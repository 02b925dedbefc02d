# A try block with neither except nor finally.
# The whole file is compiled before anything runs: no output, exit status 1.
def greet(name):
    return "hello " + name

class Point:
    def __init__(self, x):
        self.x = x

print(greet("world"))
try:
    x = 1
print(x)
print("not reached")
