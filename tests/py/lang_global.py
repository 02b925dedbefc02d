# global declarations let functions rebind module-level names.
counter = 0
name = "module"

def bump():
    global counter
    counter += 1
    return counter

def read_only():
    return name

def shadow():
    name = "local"
    return name

def create():
    global created
    created = "made inside a function"

print(bump(), bump(), counter)
print(read_only(), shadow(), name)
create()
print(created)
def reassign_twice():
    global counter
    counter = 100
    counter = counter + 1
reassign_twice()
print(counter)
def delete_global():
    global created
    del created
delete_global()
try:
    print(created)
except NameError as e:
    print(type(e).__name__, e)
