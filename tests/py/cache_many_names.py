# Many attribute names on one class, set and read through setattr/getattr with built names.
class Wide:
    pass
class Sub(Wide):
    pass

i = 0
while i < 250:
    setattr(Wide, "attr" + str(i), i * 2)
    i += 1
s = Sub()
total = 0
i = 0
while i < 250:
    total += getattr(s, "attr" + str(i))
    i += 1
print(total, s.attr0, s.attr249, Sub.attr100)
i = 0
while i < 250:
    if i % 2 == 1:
        setattr(Sub, "attr" + str(i), "odd")
    i += 1
print(s.attr1, s.attr2, Wide.attr1, s.attr249)
i = 0
while i < 250:
    delattr(Wide, "attr" + str(i))
    i += 1
print(hasattr(s, "attr2"), s.attr3, hasattr(Wide, "attr3"))
