# finally blocks run (and print) while an uncaught exception propagates.
def inner():
    try:
        print("inner body")
        return {}["missing key"]
    finally:
        print("inner finally")

def outer():
    try:
        inner()
    finally:
        print("outer finally")

try:
    outer()
finally:
    print("module-level finally")
print("not reached")
