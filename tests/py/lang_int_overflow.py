# Results beyond 64 bits: CPython computes them exactly, pyrt raises OverflowError. Either way
# the answer is never a silently wrapped number, which is what these checks detect.
max_int = 2 ** 62 - 1 + 2 ** 62
min_int = -max_int - 1

def check(label, compute, is_right):
    try:
        value = compute()
        ok = is_right(value)
    except OverflowError:
        ok = True
    print(label, ok)

check("max + 1", lambda: max_int + 1, lambda v: v > max_int)
check("min - 1", lambda: min_int - 1, lambda v: v < min_int)
check("max * 2", lambda: max_int * 2, lambda v: v > max_int)
check("min * -1", lambda: min_int * -1, lambda v: v > max_int)
check("-min", lambda: -min_int, lambda v: v > max_int)
check("min // -1", lambda: min_int // -1, lambda v: v > max_int)
check("2 ** 64", lambda: 2 ** 64, lambda v: v > max_int)
check("3 ** 41", lambda: 3 ** 41, lambda v: v > max_int)
check("int(str)", lambda: int("99999999999999999999"), lambda v: v > max_int)
check("square", lambda: 3037000500 * 3037000500, lambda v: v > max_int)
print("min % -1 =", min_int % -1)
print("max // 1 =", max_int // 1)
print("(-2) ** 63 fits:", (-2) ** 63 == min_int)
