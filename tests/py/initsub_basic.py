# __init_subclass__ runs for every new subclass (not the class defining it), as a classmethod.
registry = []

class Plugin:
    def __init_subclass__(cls):
        print("registering", cls.__name__, "base", cls.__base__.__name__)
        registry.append(cls)

class Audio(Plugin):
    pass
class Video(Plugin):
    pass
class Mp3(Audio):
    pass
Dyn = type("Dyn", (Video,), {})

names = []
for cls in registry:
    names.append(cls.__name__)
print(names)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
Plugin.__init_subclass__()
print(len(registry), registry[len(registry) - 1].__name__)
class Unrelated:
    pass
print(len(registry))
