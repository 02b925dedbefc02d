# The listed exception classes: args, str() and repr() of instances.
classes = [BaseException, Exception, TypeError, AttributeError, ValueError, KeyError,
           IndexError, StopIteration, ZeroDivisionError, NameError, RuntimeError,
           AssertionError, NotImplementedError, OverflowError, RecursionError]
for cls in classes:
    e = cls("message")
    print(cls.__name__, e.args, str(e), repr(e), isinstance(e, Exception))
print(repr(KeyError()), str(KeyError()), repr(ValueError(1, "two")), str(ValueError(1, "two")))
print(str(KeyError("quoted")), str(KeyError(1)), str(KeyError(1, 2)))
e = RuntimeError("a")
e.args = ("b", "c")
print(e, e.args)
e.note = "custom attribute"
print(e.note)
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(KeyError, Exception), issubclass(Exception, BaseException))
print(StopIteration(5).args, StopIteration().args)
