# The attribute and global inline caches must see every change that CPython's lookups see:
# class attributes replaced or deleted (also on a base), instance attributes shadowing methods,
# properties, globals shadowing builtins, polymorphic call sites.


class Base:
    kind = "base"

    def describe(self):
        return "Base.describe"

    @property
    def prop(self):
        return "prop of " + type(self).__name__


class Child(Base):
    pass


class Other:
    kind = "other"

    def describe(self):
        return "Other.describe"


def read(o):
    return o.kind, o.describe(), o.prop if hasattr(type(o), "prop") else None


c = Child()
for step in range(3):
    print(step, read(c))
Base.kind = "changed"
print(read(c))
Base.describe = lambda self: "replaced"
print(read(c))
del Base.describe
try:
    read(c)
except AttributeError as e:
    print("AttributeError:", e)
Child.describe = lambda self: "child's own"
print(read(c))
c.describe = lambda: "instance shadow"
print(read(c))
del c.describe
print(read(c))
c.kind = "instance kind"
print(read(c))

# One site, several receiver types.
objs = [Base(), Child(), Other(), Child(), Base()]
for _ in range(2):
    print([o.describe() for o in objs if hasattr(o, "describe")], [o.kind for o in objs])


# Stores: a data descriptor added later wins over the instance dict.
class Point:
    def __init__(self, x):
        self.x = x


p = Point(1)
for i in range(3):
    p.x = i
print(p.x, p.__dict__)
Point.x = property(lambda self: "from property", lambda self, v: print("setter got", v))
p.x = 99
print(p.x, p.__dict__)


# Globals and builtins.
def uses_len():
    return len("abc")


print(uses_len())
len = lambda s: "global len"
print(uses_len())
del len
print(uses_len())
g = 1


def uses_g():
    return g


print(uses_g())
g = 2
print(uses_g())
del g
try:
    uses_g()
except NameError as e:
    print("NameError:", e)


# A property getter raising, and one recursing.
class Bad:
    @property
    def boom(self):
        raise ValueError("boom")

    @property
    def deep(self):
        return self.deep


try:
    Bad().boom
except ValueError as e:
    print("ValueError:", e)
try:
    Bad().deep
except RecursionError:
    print("RecursionError")


# Comparison fused with the following jump, including non-int operands.
def classify(xs):
    out = []
    for x in xs:
        if x < 3:
            out.append("small")
        elif x == 3.0:
            out.append("three")
        else:
            out.append("big")
    return out


print(classify([1, 2, 3, 4.5, 3.0, -1]))
