# Two nonlocals without a binding: one in a nested function (line 7), one in its parent
# (line 9). CPython checks a scope's own names before its children's, so the parent's
# later line is reported.
# The whole file is compiled before anything runs: no output, exit status 1.
def parent():
    def child():
        nonlocal first
        first = 1
    nonlocal second
    second = 2
    child()

parent()
