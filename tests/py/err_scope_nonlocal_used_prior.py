# A name read in the function before its nonlocal declaration.
# The whole file is compiled before anything runs: no output, exit status 1.
def outer():
    total = 0

    def add(n):
        print(total)
        nonlocal total
        total = total + n
    add(1)
    return total

print(outer())
