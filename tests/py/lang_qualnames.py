# __name__ and __qualname__ of nested functions and classes; __module__ is "__main__".
def outer():
    def inner():
        pass
    class Local:
        def method(self):
            pass
    return inner, Local

class Top:
    class Mid:
        def deep(self):
            def innermost():
                pass
            return innermost
    def meth(self):
        pass

inner, Local = outer()
print(outer.__qualname__, inner.__qualname__, inner.__name__)
print(Local.__qualname__, Local.__name__, Local.method.__qualname__)
print(Top.Mid.__qualname__, Top.Mid.deep.__qualname__, Top.Mid().deep().__qualname__)
print(Top.meth.__qualname__, Top().meth.__qualname__)
print(Top.__module__, Local.__module__, Top.Mid.__module__, outer.__module__)
print(Local)
print(Top.Mid)
print(int.__qualname__, object.__module__)
