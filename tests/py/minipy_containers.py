# Containers: literals, reprs (self-referential too), slicing, methods, unpacking.
l = [3, 1, 2]
l.append(l)
print(l)
d = {"a": 1}
d["self"] = d
print(d)
t = (1, [2, (3,)], "s")
print(t, len(t), t[1][1], t[-1])
nums = list(range(10))
print(nums[2:5], nums[::3], nums[-3:], nums[::-2], nums[5:2:-1])
print("hello"[1:4], "hello"[::-1])
nums[2:4] = ["x", "y", "z"]
print(nums)
del nums[0]
del nums[-2:]
print(nums)
a, (b, c), *rest = 1, (2, 3), 4, 5
print(a, b, c, rest)
first, *middle, last = "abcde"
print(first, middle, last)
m = {k: v for k, v in zip("abc", range(3))}
print(m, list(m.keys()), list(m.values()), m.items())
print(sorted([5, 2, 9, 1], reverse=True), sorted(["bb", "a", "ccc"], key=len))
stack = [1, 2, 3]
print(stack.pop(), stack.pop(0), stack, stack.index(2), [1, 1, 2].count(1))
print(", ".join(str(x) for x in range(4)), "a b  c".split(), "x,y".split(","))
print(any([0, 1]), all([1, 0]), min(3, 1, 2), max([4, 7, 5]), sum(range(5)))
print(list(enumerate("ab", 1)), list(reversed([1, 2, 3])), 3 in [1, 2, 3], "b" in "abc")
print(divmod(17, 5), pow(2, 10), abs(-4), -7 // 2, -7 % 2, 2 ** 62)
print(f"{'x':>3}|{42:05}|{255:#x}|{1234567:,}|{'left':<6}|")
print("{} and {name}".format(1, name="two"), "%s" if False else "plain")
