# The last line of the traceback uses the exception's own __str__.
class HttpError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
    def __str__(self):
        return "HTTP status " + str(self.code)

def fetch(path):
    if path == "/missing":
        raise HttpError(404)
    return "content of " + path

print(fetch("/index"))
print(fetch("/missing"))
