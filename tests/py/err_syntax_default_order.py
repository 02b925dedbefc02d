# A parameter without a default after one with a default.
# The whole file is compiled before anything runs: no output, exit status 1.
def greet(name):
    return "hello " + name

class Point:
    def __init__(self, x):
        self.x = x

print(greet("world"))
def f(a=1, b):
    return a
print("not reached")
