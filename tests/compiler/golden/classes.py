# Class bodies: __module__/__qualname__, __classcell__ for super(), bases and keywords,
# private name mangling, annotations in class scope, a free variable shadowed in the body.
class A(Base, metaclass=Meta):
    """doc"""
    x: int = 1
    __secret = 2
    def m(self):
        return super().m() + self.__secret
    @staticmethod
    def s():
        return __class__
def outer():
    x = 1
    class C:
        x = 2
        y = x
        def m(self):
            return x
    return C
