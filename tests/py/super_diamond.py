# Zero-argument super() follows the MRO of the instance, visiting every class once.
log = []

class A:
    def hello(self):
        log.append("A")
class B(A):
    def hello(self):
        log.append("B")
        super().hello()
class C(A):
    def hello(self):
        log.append("C")
        super().hello()
class D(B, C):
    def hello(self):
        log.append("D")
        super().hello()
class E(C, B):
    def hello(self):
        log.append("E")
        super().hello()
class F(D):
    pass

for cls in [D, B, C, E, F]:
    log = []
    cls().hello()
    print(cls.__name__, log)
