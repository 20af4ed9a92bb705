# Error messages of the generic protocols, and reflected-operand rules.
cases = [
    lambda: 1 + "a", lambda: "a" - 1, lambda: None < 1, lambda: {} <= {},
    lambda: len(5), lambda: (5)[0] if True else 0, lambda: iter(5), lambda: (lambda n: n())(5), lambda: hash([]), lambda: -"x",
    lambda: ~1.5, lambda: 1 in 5, lambda: object() < object(),
    lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: 2 ** "x",
]
for f in cases:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
a = 1
try:
    a += "x"
except TypeError as e:
    print(e)
class Base:
    def __add__(self, other):
        return "Base.__add__"
    def __radd__(self, other):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, other):
        return "Sub.__radd__"
print(Base() + Sub(), Sub() + Base(), 1 + Sub())
class OnlyR:
    def __radd__(self, other):
        return "OnlyR.__radd__"
try:
    OnlyR() + OnlyR()
except TypeError as e:
    print(e)
print(5 + OnlyR())
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __eq__(self, other):
        return self.v == other.v
print(Cmp(1) < Cmp(2), Cmp(2) > Cmp(1), Cmp(1) != Cmp(1), Cmp(3) == Cmp(3))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(e)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()])
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class NotIter:
    __iter__ = None
try:
    iter(NotIter())
except TypeError as e:
    print(e)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)
class New:
    def __new__(cls, *args):
        print("New.__new__", cls.__name__, args)
        return 42
print(New(1, 2))
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
