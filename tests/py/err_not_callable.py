# Calling something that is not callable.
handlers = {"a": len, "b": 42}

def dispatch(name, arg):
    handler = handlers[name]
    return handler(arg)

print(dispatch("a", [1, 2, 3]))
print("dispatching to b")
print(dispatch("b", []))
print("not reached")
