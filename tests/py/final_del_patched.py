# __del__ is inherited, and adding or removing it on a class after creation takes effect.
class Base:
    pass
class Child(Base):
    pass

c = Child()
del c
print("no finalizer yet")
Base.__del__ = lambda self: print("Base finalizer for", type(self).__name__)
c = Child()
del c
Child.__del__ = lambda self: print("Child finalizer")
c = Child()
del c
del Child.__del__
c = Child()
del c
del Base.__del__
c = Child()
del c
print("finalizer removed")
b = Base()
Base.__del__ = lambda self: print("added while instance alive")
del b
print("done")
