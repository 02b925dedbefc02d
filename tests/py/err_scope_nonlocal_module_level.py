# nonlocal at module level, with extra spaces inside the statement: the error underlines
# the statement without the spaces and comment after it (17 carets).
# The whole file is compiled before anything runs: no output, exit status 1.
x = 1
y = 2

def show():
    print(x, y)

show()
nonlocal   a ,  b  # c
print("not reached")
