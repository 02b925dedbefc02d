# The gc module's switches, thresholds and tracking queries.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())

class A:
    pass
print(gc.is_tracked(1), gc.is_tracked("text"), gc.is_tracked(None), gc.is_tracked(True))
print(gc.is_tracked([]), gc.is_tracked(A()), gc.is_tracked(A))
print(type(gc.get_count()).__name__, len(gc.get_count()))
print(type(gc.get_stats()).__name__, len(gc.get_stats()))
print(type(gc.collect()).__name__)
try:
    gc.set_threshold()
except TypeError as e:
    print(type(e).__name__)
print("done")
