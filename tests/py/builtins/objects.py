# getattr/setattr/hasattr/delattr, isinstance/issubclass, callable, hash, id, iter/next, len, repr.
class Point:
    z = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(getattr(p, "x"), getattr(p, "missing", "dflt"), hasattr(p, "y"), hasattr(p, "nope"))
setattr(p, "w", 9)
print(p.w, getattr(p, "z"))
delattr(p, "w")
print(hasattr(p, "w"))
for bad in [lambda: getattr(p, "nope"), lambda: getattr(p, 1), lambda: setattr(p, 2, 3), lambda: delattr(p, "nope")]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(isinstance(p, Point), isinstance(p, (int, Point)), isinstance(3, float), issubclass(bool, int))
print(issubclass(Point, object), issubclass(int, (str, float)), callable(p), callable(Point))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("ab" + "c"), hash(()) == hash(()))
try:
    hash([])
except TypeError as e:
    print(e)
a, b = object(), object()
print(id(a) == id(a), id(a) != id(b), type(id(a)).__name__)
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
try:
    next([1])
except TypeError as e:
    print(e)
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 4)))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    iter(5, 1)
except TypeError as e:
    print(e)
print(len([1, 2]), len("héllo"), len({1: 2}), repr("a'b"), ascii("naïve"), repr([None, True]))
try:
    len(5)
except TypeError as e:
    print(e)
print(format(3.14159, ".3f"), format(42, "08b"), format("x", ">3"), format(1234567.891, ",.2f"))
print(type(None).__name__, NotImplemented, Ellipsis, ... is Ellipsis)
print(int, float, ZeroDivisionError, issubclass(KeyError, LookupError), EnvironmentError is OSError)
print(sorted(vars(p).items()), "x" in dir(p), "z" in dir(p), "__init__" in dir(Point))
