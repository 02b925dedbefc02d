# Function and class decorators, stacked and parameterised.
def loud(fn):
    def wrapper(x):
        print("calling", fn.__name__)
        return fn(x)
    return wrapper

def times(n):
    def deco(fn):
        def wrapper(x):
            return fn(x) * n
        return wrapper
    return deco

@loud
@times(3)
def double(x):
    return x * 2

print(double(5))
print(double.__name__)

registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls

@register
class Widget:
    pass

@register
@register
class Gadget:
    pass
print(registry, Widget.registered)

def replace(cls):
    return "not a class any more"
@replace
class Gone:
    pass
print(Gone)
