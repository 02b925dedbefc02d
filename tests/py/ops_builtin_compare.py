# Comparisons between builtin values: equality across types, ordering errors, sequences.
print(1 == 1, 1 == "1", None == None, None == 0, True == 1, [] == [], () == ())
print([1, 2] == [1, 2], [1, 2] == (1, 2), (1, 2) < (1, 3), [1, 2] < [1, 2, 0])
print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 2}, {} != {})
print(3 < 5, 5 <= 5, 7 > 8, 9 >= 10, -1 < 0)
for pair in [(1, "1"), (None, 1), ([1], (1,)), ({}, {})]:
    try:
        print(pair[0] < pair[1])
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print([1, "a"] == [1, 2], (1, [2]) == (1, [2]))
print(sorted([3, -1, 2, 0]), sorted((5, 4)), sorted([]))
try:
    sorted([1, "b"])
except TypeError as e:
    # Only the type: which pair gets compared first is up to the sort algorithm.
    print(type(e).__name__)
