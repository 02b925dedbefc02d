# Deep recursion raises RecursionError instead of overflowing the stack.
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(depth(900))
