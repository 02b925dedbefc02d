# A property getter raising AttributeError makes Python call __getattr__.
class Lazy:
    @property
    def value(self):
        print("getter runs")
        raise AttributeError("not computed yet")
    def __getattr__(self, name):
        print("__getattr__", name)
        return "fallback for " + name

class Strict:
    @property
    def value(self):
        raise AttributeError("strict failure")

print(Lazy().value)
try:
    Strict().value
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(Strict(), "value"), getattr(Strict(), "value", "dflt"))

class Other:
    @property
    def value(self):
        raise ValueError("boom")
    def __getattr__(self, name):
        return "not reached"
try:
    Other().value
except ValueError as e:
    print(type(e).__name__, e)
