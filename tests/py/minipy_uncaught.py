# An uncaught exception: traceback on stderr, exit status 1.
def inner(x):
    return {}[x]

def outer():
    return inner("missing")

print("before")
outer()
print("never")
