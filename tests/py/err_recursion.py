# Unbounded recursion ends in RecursionError, not a crash of the interpreter.
def walk(node):
    return walk([node])

def countdown(n):
    if n == 0:
        return "done counting"
    return countdown(n - 1)

print(countdown(100))
print("recursing forever now")
walk(0)
print("not reached")
