# An uncaught ValueError from int() on a malformed string.
def parse_all(texts):
    out = []
    for t in texts:
        out.append(int(t))
    return out

print(parse_all(["1", "22", "-3"]))
print("parsing a bad value")
print(parse_all(["4", "five"]))
print("not reached")
