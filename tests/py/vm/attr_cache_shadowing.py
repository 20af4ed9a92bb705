# Method and attribute caches after they warmed: an instance attribute that later shadows a
# method (set directly, through __dict__, after deletes and clears, with a key of equal hash),
# and new attributes stored in a different order than the cache last saw.


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def m(self):
        return "method"


def call_m(objs):
    return [o.m() for o in objs]


objs = [P(i, i) for i in range(5)]
print(call_m(objs))
objs[2].m = lambda: "shadow"
print(call_m(objs))
objs[3].__dict__["m"] = lambda: "via __dict__"
print(call_m(objs))
del objs[2].m
print(call_m(objs))
objs[3].__dict__.clear()
print(call_m(objs), vars(objs[3]))
objs[3].__dict__.update({"m": lambda: "updated", "z": 1})
print(call_m(objs))
objs[4].__dict__ = {"m": lambda: "new dict"}
print(call_m(objs), objs[4].__dict__.keys())
for i in range(100):
    setattr(objs[0], "k%d" % i, i)
print(call_m(objs))
objs[0].m = 5
try:
    objs[0].m()
except TypeError as e:
    print("TypeError", e)


class Q:
    def __init__(self, first):
        if first:
            self.x = 1
            self.y = 2
        else:
            self.y = 3
            self.x = 4


def make(n):
    out = []
    for i in range(n):
        q = Q(i % 3 == 0)
        out.append((q.x, q.y, list(vars(q))))
    return out


print(make(6))


class R:
    def __init__(self):
        self.u = 1
        del self.u
        self.u = 2
        self.v = 3


print([vars(R()) for _ in range(3)])


class S(str):
    pass


class T:
    def f(self):
        return "T.f"


ts = [T() for _ in range(3)]
print([t.f() for t in ts])
ts[1].__dict__[S("f")] = lambda: "str subclass key"
print([t.f() for t in ts])

p = P(1, 2)
for bad in (5, None):
    try:
        p.__dict__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    del p.__dict__
except TypeError as e:
    print("TypeError", e)
d = {"a": 10}
p.__dict__ = d
d["b"] = 20
print(p.a, p.b, p.__dict__ is d, vars(p) is d)
del p.__dict__
print(vars(p), hasattr(p, "a"), p.m())
p.c = 3
print(vars(p), d)
