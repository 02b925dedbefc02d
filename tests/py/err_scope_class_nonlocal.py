# nonlocal in a class body at module level: no enclosing function binds the name.
# (In a class nested in a function that binds it, the same statement is fine.)
# The whole file is compiled before anything runs: no output, exit status 1.
def make():
    size = 1

    class Box:
        nonlocal size
        size = 2
    return Box

class Shelf:
    nonlocal size
    size = 3

print(make())
