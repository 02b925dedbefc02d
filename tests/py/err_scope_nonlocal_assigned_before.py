# A name assigned in the function before its nonlocal declaration. The error underlines
# the whole statement without the spaces and comment after it (17 carets).
# The whole file is compiled before anything runs: no output, exit status 1.
def outer():
    x = 1
    y = 2

    def inner():
        x = 2
        nonlocal   x ,  y  # c
        return x + y
    return inner()

print(outer())
print("not reached")
