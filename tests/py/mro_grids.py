# HVGrid and VHGrid order the same two bases differently; combining them has no consistent MRO.
class GridLayout:
    pass
class HorizontalGrid(GridLayout):
    pass
class VerticalGrid(GridLayout):
    pass
class HVGrid(HorizontalGrid, VerticalGrid):
    pass
class VHGrid(VerticalGrid, HorizontalGrid):
    pass

print(HVGrid.__mro__)
print(VHGrid.__mro__)
try:
    class ConfusedGrid(HVGrid, VHGrid):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    T = type("T", (VHGrid, HVGrid), {})
except TypeError as e:
    print(type(e).__name__, e)

class Fine(HVGrid, HorizontalGrid):
    pass
print(Fine.__mro__)
