# __name__, __qualname__, __module__ and __doc__ of classes can be reassigned (not on builtins).
class C:
    "doc"
    class Inner:
        pass

C.__name__ = "D.E"
print(C.__name__, C.__qualname__, C.__module__, C)
C.__qualname__ = "Q"
print(C.__name__, C.__qualname__, C)
C.__module__ = "elsewhere"
print(C, C.__module__)
C.__doc__ = "banana"
print(C.__doc__)
print(C.Inner.__qualname__, C.Inner.__name__)
for name, value in [("__name__", 5), ("__qualname__", 6)]:
    try:
        setattr(C, name, value)
    except TypeError as e:
        print(type(e).__name__, e)
for name in ["__name__", "__doc__"]:
    try:
        delattr(C, name)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int.__name__ = "integer"
except TypeError as e:
    print(type(e).__name__, e)
try:
    list.__doc__ = "x"
except TypeError as e:
    print(type(e).__name__, e)
print(int.__name__, int.__module__, list.__qualname__)
