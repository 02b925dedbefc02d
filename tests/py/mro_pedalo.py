# The boats example: a deep hierarchy with shared ancestors.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class Boat:
    pass
class DayBoat(Boat):
    pass
class WheelBoat(Boat):
    pass
class EngineLess(DayBoat):
    pass
class SmallMultihull(DayBoat):
    pass
class PedalWheelBoat(EngineLess, WheelBoat):
    pass
class SmallCatamaran(SmallMultihull):
    pass
class Pedalo(PedalWheelBoat, SmallCatamaran):
    pass

print(names(Pedalo.__mro__))
print(names(PedalWheelBoat.__mro__))
print(names(SmallCatamaran.mro()))
print(Pedalo.__base__.__name__)
print(issubclass(Pedalo, WheelBoat), issubclass(WheelBoat, Pedalo))
