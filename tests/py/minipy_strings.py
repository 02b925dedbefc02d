# String literals, escapes, f-strings and format specs, str methods.
s = "tab\there\nnewline \\ quote\" 'single' \x41\u00e9"
print(s)
print(repr(s))
print('It\'s', "a" "b" 'c', r"raw\n")
print("""triple
quoted""")
name, n = "pyrt", 42
print(f"{name!r} {n:5d} {n:<5}| {n:^7}| {n:+} {n:x} {n:#o} {n:08b} {-n:06}")
print(f"{name:>8} {name:*^10} {1234567:,} {1234567:_} {'abc':.2}")
print(f"{{literal}} {n * 2} {name.upper()} {[1, 2][1]} {n=}")
print("{} {} {}".format(1, "two", [3]), "{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>4}|{:<4}|{:^4}|".format(1, 2, 3), format(255, "#x"), format("s", ">3"))
print("a,b,,c".split(","), "  lots   of   space ".split(), "k=v=w".split("=", 1))
print("-".join(["x", "y", "z"]), "".join(reversed("abc")), "ab" * 3, 3 * "c")
print("Hello".upper(), "Hello".lower(), "hello world".title(), "hello".capitalize())
print("  pad  ".strip() + "|", "xxhixx".strip("x"), "  l".lstrip(), "r  ".rstrip() + "|")
print("hello".startswith("he"), "hello".endswith(("lo", "x")), "hello".find("l"), "hello".find("z"))
print("banana".count("a"), "banana".replace("a", "o"), "banana".replace("a", "o", 1))
print("abc".isalpha(), "123".isdigit(), "ABC".isupper(), "abc".islower(), " ".isspace())
print("5".zfill(3), "-5".zfill(4), "x".center(5, "*"), "x".ljust(3, "-"), "x".rjust(3))
print(len("héllo"), "héllo"[1], "abc"[-1], "abcdef"[1:5:2], "abc" < "abd", "b" > "a")
print(str(12), str([1, "a"]), repr("q"), ord("A"), chr(66))
