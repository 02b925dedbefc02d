# nonlocal naming a variable that no enclosing function binds.
# The whole file is compiled before anything runs: no output, exit status 1.
# CPython: line 9, the statement underlined, "no binding for nonlocal 'total' found".
def make_counter():
    count = 0

    def bump():
        def inner():
            nonlocal total
            total = 1
        inner()
        return count
    return bump

print(make_counter()())
print("not reached")
