# finally runs on normal exit, exceptions, return, break and continue.
def normal():
    try:
        print("body")
    finally:
        print("finally after body")
normal()

def returns():
    try:
        return "returned"
    finally:
        print("finally before return")
print(returns())

def overrides():
    try:
        return "try value"
    finally:
        return "finally value"
print(overrides())

for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("loop body", i)
    finally:
        print("loop finally", i)

def raises():
    try:
        raise ValueError("inner")
    finally:
        print("finally while raising")
try:
    raises()
except ValueError as e:
    print("caught", e)

def swallow():
    try:
        raise KeyError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
