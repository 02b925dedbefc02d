# Exception handling: matching, tuples, else/finally ordering, re-raise, context.
def check(f):
    try:
        f()
    except (KeyError, IndexError) as e:
        print("lookup", repr(e))
    except ZeroDivisionError as e:
        print("zero", e)
    except Exception as e:
        print("other", repr(e))
    else:
        print("no error")
    finally:
        print("finally")

check(lambda: {}["k"])
check(lambda: [][1])
check(lambda: 1 // 0)
check(lambda: int("x"))
check(lambda: None)

def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("caught", e)
        return "returned"
    finally:
        print("outer finally")

print(nested())

def reraise():
    try:
        raise KeyError("a")
    except KeyError:
        raise

try:
    reraise()
except KeyError as e:
    print("re-raised", e, e.args)

try:
    try:
        1 // 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

try:
    raise TypeError("x") from ValueError("y")
except TypeError as e:
    print(repr(e.__cause__))

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
