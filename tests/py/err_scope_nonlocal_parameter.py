# nonlocal naming the function's own parameter.
# The whole file is compiled before anything runs: no output, exit status 1.
def scale(items, factor):
    result = []
    for item in items:
        result.append(item * factor)
    return result

def outer(x):
    def inner(x):
        nonlocal x
        return x
    return inner(x)

print(scale([1, 2], 3))
print(outer(1))
