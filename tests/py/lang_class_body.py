# A class body runs like any block: loops, conditions, calls; its names become attributes.
def helper(n):
    return n * 2

class Config:
    print("class body starts")
    base = 10
    doubled = helper(base)
    table = []
    for i in range(3):
        table.append(i * base)
    if doubled > 15:
        mode = "big"
    else:
        mode = "small"
    try:
        risky = 1 // 0
    except ZeroDivisionError:
        risky = "caught in class body"
    class Nested:
        value = "nested"
    def method(self):
        try:
            return base
        except NameError as e:
            return "class scope is not visible: " + str(e)
    temporary = "removed"
    del temporary
    print("class body ends")

print(Config.base, Config.doubled, Config.table, Config.mode, Config.i)
print(Config.risky, Config.Nested.value, Config.Nested.__qualname__)
print(Config().method())
print(hasattr(Config, "temporary"), hasattr(Config, "helper"))
