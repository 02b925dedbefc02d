# Bases whose instance layouts cannot be combined are refused by best-base selection.
pairs = [(list, dict), (int, str), (dict, tuple), (int, list)]
for pair in pairs:
    try:
        C = type("C", pair, {})
        print("created", C.__mro__)
    except TypeError as e:
        print(pair[0].__name__, pair[1].__name__, type(e).__name__, e)

try:
    class L(list, dict):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# A plain class combines with any single builtin.
class Mixin:
    def hello(self):
        return "hello"
class ML(Mixin, list):
    pass
m = ML()
m.append(3)
print(ML.__mro__, ML.__base__)
print(m.hello(), len(m), m[0])
