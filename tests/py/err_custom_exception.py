# An uncaught user-defined exception is reported with its module-qualified name.
class ValidationError(Exception):
    pass

class Form:
    def __init__(self, name):
        self.name = name
    def validate(self):
        if self.name == "":
            raise ValidationError("name must not be empty")
        return "ok " + self.name

print(Form("ann").validate())
print(Form("").validate())
print("not reached")
