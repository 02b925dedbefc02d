# __init_subclass__ set on a class after creation applies to subclasses created afterwards.
class Base:
    pass

class Early(Base):
    pass

def hook(cls):
    print("hook for", cls.__name__)
    cls.hooked = True

Base.__init_subclass__ = classmethod(hook)
class Late(Base):
    pass
print(hasattr(Early, "hooked"), Late.hooked)

def plain_hook(cls):
    print("plain hook for", cls.__name__)
# Only the class statement turns __init_subclass__ into a classmethod implicitly.
Base.__init_subclass__ = plain_hook
try:
    class Later(Base):
        pass
except TypeError as e:
    print(type(e).__name__, e)

del Base.__init_subclass__
class Quiet(Base):
    pass
print("Quiet created silently", Quiet.__name__)
