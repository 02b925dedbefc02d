# An explicit raise of RuntimeError from a method called through several levels.
class Engine:
    def __init__(self):
        self.started = False
    def start(self):
        self.started = True
    def drive(self):
        if not self.started:
            raise RuntimeError("engine not started")
        return "driving"

e = Engine()
e.start()
print(e.drive())
print(Engine().drive())
