# String literals: quotes, escapes, and how repr() shows them.
print("double", 'single', "it's", 'say "hi"')
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print("tab:\tend", "back\\slash")
print(repr("line\nbreak"), repr("tab\t"), repr("back\\slash"), repr("\'\""))
print("multi\nline")
print(len(""), len("abc"), len("\n"), len("\\"))
print("" == '', "a" + "b" + "c", repr(""))
print(str("x") == "x", str(42), repr(42), str(-7), repr(None))
s = "concat"
s = s + " " + "more"
print(s, len(s))
print(repr(repr("q")))
print('escaped \'quote\' inside', "and \"double\"")
