# Arithmetic right up to the limits of a 64-bit int, never beyond them.
max_int = 2 ** 62 - 1 + 2 ** 62
min_int = -max_int - 1
print(max_int, min_int)
print(max_int - 1, min_int + 1, -max_int)
print(max_int // 2, min_int // 2, max_int % 10, min_int % 10)
print(min_int // 3, min_int % 3, max_int // -7, max_int % -7)
print(3037000499 * 3037000499, -3037000499 * 3037000499)
print(2 ** 62, -2 ** 62, 2 ** 62 // 2 ** 31)
print(max_int == 9223372036854775807, min_int < -9223372036854775807)
print(int("9223372036854775807"), int("-9223372036854775808"))
print(max_int - max_int, min_int - min_int, max_int + min_int)
print(hash(max_int) == hash(max_int), hash(12345), hash(-12345))
x = 1
steps = 0
while x < 2 ** 61:
    x = x * 2
    steps += 1
print(x, steps)
