# Recursion works to a few hundred levels; runaway recursion raises RecursionError, and the
# program continues normally afterwards.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))

def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(depth(400))

def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(isinstance(RecursionError(), RuntimeError))
