# __init_subclass__ implementations cooperate through super().
log = []

class Base:
    def __init_subclass__(cls):
        log.append("Base for " + cls.__name__)
        super().__init_subclass__()

class Middle(Base):
    def __init_subclass__(cls):
        log.append("Middle for " + cls.__name__)
        super().__init_subclass__()

class Leaf(Middle):
    pass
print(log)
log = []

class Other:
    def __init_subclass__(cls):
        log.append("Other for " + cls.__name__)
        super().__init_subclass__()

class Both(Middle, Other):
    pass
print(log)
log = []
class NoChain(Other, Middle):
    pass
print(log)
