# Truthiness: __bool__ first, then __len__, else always true; and their error messages.
class Empty:
    def __len__(self):
        return 0
class Three:
    def __len__(self):
        return 3
class Liar(Three):
    def __bool__(self):
        return False
class Plain:
    pass
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
class StrLen:
    def __len__(self):
        return "3"

for obj in [Empty(), Three(), Liar(), Plain()]:
    if obj:
        print(type(obj).__name__, "true")
    else:
        print(type(obj).__name__, "false")
print(len(Three()), len(Liar()), not Empty())
for obj in [BadBool(), BadLen(), StrLen()]:
    try:
        if obj:
            print("true")
    except TypeError as e:
        print(type(e).__name__, e)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    len(Plain())
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
