# A name declared both global and nonlocal in one function: CPython underlines the first
# of the two declarations (the global one here), found after the whole file was walked.
# The whole file is compiled before anything runs: no output, exit status 1.
counter = 0

def outer():
    counter = 1

    def inner():
        global counter
        nonlocal counter
        counter = 2
    inner()

outer()
