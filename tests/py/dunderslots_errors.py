# Invalid __slots__ declarations.
def attempt(ns, base):
    try:
        C = type("C", (base,), ns)
        print("created", C.__slots__)
    except TypeError as e:
        print(type(e).__name__, e)
    except ValueError as e:
        print(type(e).__name__, e)

attempt({"__slots__": [1]}, object)
attempt({"__slots__": ["not valid"]}, object)
attempt({"__slots__": ["a", "a"]}, object)
attempt({"__slots__": ["__dict__", "__dict__"]}, object)
attempt({"__slots__": ["__weakref__", "__weakref__"]}, object)
attempt({"__slots__": ["foo"], "foo": None}, object)
attempt({"__slots__": ["x"]}, int)
attempt({"__slots__": ["x"]}, tuple)
attempt({"__slots__": 5}, object)
attempt({"__slots__": ()}, int)
attempt({"__slots__": "single"}, object)
