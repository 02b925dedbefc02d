# Two errors: a nonlocal without a binding (line 6), then a global after an assignment
# (line 11). CPython checks the assignment while walking the file and the binding only
# afterwards, so the later line is reported.
# The whole file is compiled before anything runs: no output, exit status 1.
def first():
    nonlocal missing
    return 1

def second():
    value = 1
    global value
    return value

print(first(), second())
