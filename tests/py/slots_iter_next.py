# __iter__ / __next__ drive for loops, iter() and next(); StopIteration ends the loop.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Sub(Countdown):
    pass

for i in Sub(3):
    print(i, end=" ")
print()
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
print(list(Sub(4)), tuple(Countdown(2)), sorted(Countdown(3)))

class NotIter:
    pass
class BadIter:
    def __iter__(self):
        return 5
for obj in [NotIter(), BadIter()]:
    try:
        for x in obj:
            pass
    except TypeError as e:
        print(type(e).__name__, e)
try:
    next(NotIter())
except TypeError as e:
    print(type(e).__name__, e)
