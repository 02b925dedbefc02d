# An exception raised while handling another replaces it; finally blocks still run.
def failing_handler():
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")

try:
    failing_handler()
except ValueError as e:
    print(type(e).__name__, e)
except KeyError as e:
    print("wrong handler", e)

def nested():
    try:
        try:
            raise IndexError("inner")
        finally:
            print("inner finally")
    except IndexError as e:
        print("outer caught", e)
        return "returned from handler"
    finally:
        print("outer finally")
print(nested())

def handler_raises_in_loop():
    caught = []
    for i in range(3):
        try:
            try:
                raise RuntimeError(str(i))
            except RuntimeError as e:
                if i == 1:
                    raise TypeError("converted " + str(e))
                caught.append(str(e))
        except TypeError as e:
            caught.append("T:" + str(e))
    return caught
print(handler_raises_in_loop())
