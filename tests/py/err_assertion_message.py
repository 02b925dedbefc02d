# A failing assert with a message.
def check_positive(n):
    assert n > 0, "expected a positive number"
    return n

print(check_positive(5))
print(check_positive(1))
values = [3, 2, 1, 0]
for v in values:
    print("checking", v)
    check_positive(v)
print("not reached")
