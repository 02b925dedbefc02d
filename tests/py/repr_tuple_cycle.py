# A tuple can only reach itself through a mutable container; it prints as (...).
t = ([],)
t[0].append(t)
print(t)
u = (1, {"t": None})
u[1]["t"] = u
print(u)
v = ([], [])
v[0].append(v)
v[1].append(v[0])
print(v)
single = ([],)
single[0].append(single[0])
print(single)
print((1,), (), ((),), (None, (1, 2)))
t[0][0] = None
u[1]["t"] = None
v[0][0] = None
single[0][0] = None
print(t, u, v, single)
