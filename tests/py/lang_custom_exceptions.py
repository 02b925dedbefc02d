# User-defined exception hierarchies, args, str() and catching by base class.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
    def __str__(self):
        return "bad config key " + repr(self.key)
class Fatal(BaseException):
    pass

for exc in [AppError("plain"), ConfigError("port", "not a number"), AppError(), AppError(1, 2)]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", e.args, "|", repr(e))
try:
    raise ConfigError("host", "missing")
except Exception as e:
    print(isinstance(e, AppError), e.key, str(e))
try:
    try:
        raise Fatal("stop")
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e)
try:
    raise AppError
except AppError as e:
    print("raised the class:", type(e).__name__, e.args)
print(ConfigError.__mro__)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
