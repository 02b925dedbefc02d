# An uncaught user-defined exception without arguments, derived from a user base class.
class AppError(Exception):
    pass

class ShutdownRequested(AppError):
    pass

def step(n):
    if n == 3:
        raise ShutdownRequested()
    print("step", n)

for i in range(5):
    step(i)
print("not reached")
