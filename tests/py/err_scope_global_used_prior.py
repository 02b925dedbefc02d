# A name read in a class body before the body declares it global.
# The whole file is compiled before anything runs: no output, exit status 1.
name = "module"

class Config:
    label = name
    global name
    name = "class"

print(Config.label)
print(name)
