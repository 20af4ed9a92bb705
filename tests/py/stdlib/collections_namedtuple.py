# collections.namedtuple: fields, defaults, _replace, _asdict, _make, errors.
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._fields, p == (1, 2), isinstance(p, tuple))
print(p._replace(x=5), p._asdict(), Point._make([3, 4]), len(p), hash(p) == hash((1, 2)))
x, y = p
print(x + y, Point.__name__, Point._field_defaults)
P3 = namedtuple('P3', 'a b c', defaults=[0, 9])
print(P3(1), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', 'a def a', rename=True)
print(R._fields)
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: p._replace(z=1), lambda: namedtuple('Q', 'a a'),
            lambda: namedtuple('Q', 'a _b'), lambda: namedtuple('Q', 'class')):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError')


class Sub(Point):
    def norm(self):
        return self.x ** 2 + self.y ** 2


print(Sub(3, 4).norm(), Sub(3, 4))
