# Properties and classmethods defined on a metaclass act on classes.
class Meta(type):
    @property
    def label(cls):
        return "class " + cls.__name__
    def describe(cls):
        return "described " + cls.__name__

class A(metaclass=Meta):
    @classmethod
    def make(cls):
        return cls()

class B(A):
    pass

print(A.label, B.label)
print(A.describe(), B.describe())
print(type(B.make()).__name__)
try:
    A().label
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.label = "x"
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Meta.__dict__["label"]).__name__, Meta.label is Meta.__dict__["label"])
