# Builtin exception classes are immutable, but their instances accept attributes.
try:
    ValueError.extra = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del KeyError.__str__
except TypeError as e:
    print(type(e).__name__, e)
err = ValueError("original")
err.extra = "attached"
err.args = ("replaced",)
print(err, err.extra, err.args)
class MyError(ValueError):
    pass
MyError.extra = "class level"
print(MyError("x").extra, hasattr(ValueError("y"), "extra"))
MyError.__str__ = lambda self: "custom str"
print(MyError("z"), ValueError("z"))
del MyError.__str__
print(MyError("back"))
try:
    raise MyError("raised")
except ValueError as e:
    print(type(e).__name__, e, e.extra)
