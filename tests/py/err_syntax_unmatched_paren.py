# A closing parenthesis with no opening one.
# The whole file is compiled before anything runs: no output, exit status 1.
def greet(name):
    return "hello " + name

class Point:
    def __init__(self, x):
        self.x = x

print(greet("world"))
value = 1 + 2)
print("not reached")
