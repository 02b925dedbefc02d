# __init_subclass__ can validate and decorate subclasses; later lookups see its changes.
class Model:
    required = ()
    def __init_subclass__(cls):
        for name in cls.required:
            if not hasattr(cls, name):
                raise TypeError(cls.__name__ + " lacks " + name)
        cls.tag = "model:" + cls.__name__

class User(Model):
    required = ("table",)
    table = "users"

class Admin(User):
    pass

print(User.tag, Admin.tag, Admin.table)
try:
    class Broken(Model):
        required = ("table", "key")
        table = "t"
except TypeError as e:
    print(type(e).__name__, e)
class Keyed(Model):
    required = ("key",)
    key = "id"
print(Keyed.tag, Keyed().tag, "tag" in Keyed.__dict__, "tag" in Model.__dict__)
print(hasattr(Model, "tag"), hasattr(Admin, "required"), Admin.required)
