# except clauses: tuples, subclasses, else, bare raise, and the except variable's scope.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ZeroDivisionError:
        return "zero"
    except Exception as e:
        return "other " + type(e).__name__
    else:
        return "no exception"

for exc in [KeyError("k"), IndexError("i"), ZeroDivisionError(), ValueError(), TypeError]:
    print(classify(exc))

try:
    x = 1
except ValueError:
    print("not reached")
else:
    print("else runs", x)

def reraiser():
    try:
        1 // 0
    except ZeroDivisionError:
        print("handling, then re-raising")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("re-raised:", e)

try:
    raise RuntimeError("scoped")
except RuntimeError as err:
    pass
try:
    print(err)
except NameError as e:
    print(type(e).__name__, e)
