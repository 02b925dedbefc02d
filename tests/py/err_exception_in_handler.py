# An exception raised inside an except block is the one reported.
def load(config):
    try:
        return config["path"]
    except KeyError:
        print("no path configured, using the default")
        return config["default_path"]

print(load({"path": "/etc"}))
print(load({"default_path": "/tmp"}))
print(load({}))
print("not reached")
