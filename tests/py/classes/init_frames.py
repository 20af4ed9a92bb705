# Instantiation with a Python __init__: arguments (positional, keyword, defaults, *args), the
# instance as the call's value, __init__ returning non-None, raising, recursion through __init__,
# and classes whose __new__ or metaclass take over.


class P:
    def __init__(self, x, y=2, *rest, z=3, **kw):
        self.vals = (x, y, rest, z, sorted(kw.items()))


print(P(1).vals, P(1, 5, 6, 7, z=9, q=1).vals, P(x=4, y=0).vals)


class Base:
    def __init__(self, name):
        self.name = name


class Child(Base):
    def __init__(self, name, n):
        super().__init__(name.upper())
        self.n = n


c = Child("kid", 3)
print(type(c).__name__, c.name, c.n, [Child(str(i), i).n for i in range(4)])


class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print("TypeError", e)


class Raises:
    def __init__(self, v):
        if v:
            raise ValueError(v)
        self.ok = True


for v in (0, "boom", 0):
    try:
        print(Raises(v).ok)
    except ValueError as e:
        print("ValueError", e)

try:
    Base()
except TypeError as e:
    print("TypeError", e)
try:
    Base("a", "b")
except TypeError as e:
    print("TypeError", e)
try:
    Base(nom="a")
except TypeError as e:
    print("TypeError", e)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


n, d = Node(50), 0
while n:
    n, d = n.child, d + 1
print("depth", d)
try:
    Node(100000)
except RecursionError as e:
    print("RecursionError")


class WithNew:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


w = WithNew(7)
print(type(w).__name__)


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(Other())


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print(M(3).v)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError", e)


class Late:
    pass


def late_init(self, v):
    self.v = v * 2


Late.__init__ = late_init
print(Late(21).v)
del Late.__init__
try:
    Late(1)
except TypeError as e:
    print("TypeError", e)
print(type(Late()).__name__)
print([P(i).vals[0] for i in range(3)], sum(Child("x", i).n for i in range(10)))
