# __set_name__ is called on class-body attributes with the owner and the attribute name.
class Field:
    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return "field " + self.name

class Record:
    first = Field()
    second = Field()
    not_a_field = 5

print(Record().first, Record().second, Record.first.name)
Record.third = Field()
print(hasattr(Record.third, "name"))
shared = Field()
class Twice:
    a = shared
    b = shared
print(shared.name)
T = type("T", (), {"dyn": Field()})
print(T().dyn)
