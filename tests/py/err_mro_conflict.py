# An uncaught MRO error: its message spans two lines, so the last line of stderr is the
# second half of the message.
class A:
    pass
class B(A):
    pass
print("defining a class with an impossible MRO")

class Bad(A, B):
    pass

print("not reached")
