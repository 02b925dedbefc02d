# global naming a parameter, in a statement after a semicolon.
# The whole file is compiled before anything runs: no output, exit status 1.
limit = 10

def clamp(value, limit):
    print(value); global limit
    if value > limit:
        return limit
    return value

print(clamp(3, 5))
