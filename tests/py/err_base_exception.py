# A BaseException subclass that is not an Exception escapes `except Exception`.
class Abort(BaseException):
    pass

def work():
    try:
        raise Abort("aborting the run")
    except Exception:
        print("never printed: Abort is not an Exception")

print("before")
work()
print("not reached")
