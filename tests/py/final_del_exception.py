# An exception raised in __del__ is reported to stderr and ignored; execution continues.
class Bad:
    def __del__(self):
        print("Bad.__del__ runs")
        raise ValueError("ignored")

class Good:
    def __del__(self):
        print("Good.__del__ runs")

x = Bad()
del x
print("still running")
y = Good()
y.bad = Bad()
del y
print("both finalized")
try:
    z = Bad()
    del z
    print("no exception reached the caller")
except ValueError:
    print("should not happen")
print("done")
