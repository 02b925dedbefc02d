# An uncaught NameError: a name used before it is ever assigned.
def compute():
    first = 10
    second = 20
    return first + second

print(compute())
values = [1, 2]
print(len(values))
print(completely_unknown_identifier_xyz)
print("not reached")
