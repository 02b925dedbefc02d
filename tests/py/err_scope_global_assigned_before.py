# A name assigned in a method before its global declaration (a for target counts).
# The whole file is compiled before anything runs: no output, exit status 1.
seen = []

class Log:
    def record(self, items):
        for last in items:
            seen.append(1)
        global   last
        return last

Log().record([1, 2])
print(seen)
