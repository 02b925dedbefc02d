# Dicts that contain themselves print as {...} at the point of recursion.
d = {}
d["a"] = d
print(d)
e = {"k": 1}
e["self"] = e
e["list"] = [e]
print(e)
f = {}
g = {"f": f}
f["g"] = g
print(f)
print(g)
mixed = [{}]
mixed[0]["back"] = mixed
print(mixed)
print(str(d) == repr(d), d["a"]["a"]["a"] is d)
del d["a"]
e["self"] = None
e["list"] = None
f["g"] = None
mixed[0]["back"] = None
print(d, e, f, g, mixed)
