# assert raises AssertionError with the optional message when the condition is false.
assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert [], "empty list is false"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert None, 42
except AssertionError as e:
    print(type(e).__name__, e, e.args)
def side():
    print("message evaluated")
    return "lazy"
assert True, side()
try:
    assert False, side()
except AssertionError as e:
    print("caught", e)
print(issubclass(AssertionError, Exception))
