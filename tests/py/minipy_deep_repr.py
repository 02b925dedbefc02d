# Reprs of very deeply nested containers raise RecursionError instead of overflowing the stack.
l=[]
for i in range(100000): l=[l]
try: repr(l)
except RecursionError as e: print(e)
d={}
for i in range(100000): d={'k':d}
try: str(d)
except RecursionError as e: print(e)
l = []
for i in range(500): l = [l]
print(len(repr(l)))
