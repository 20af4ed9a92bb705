# A class's __dict__ is a read-only mappingproxy: writes through it are refused (they would
# bypass the attribute caches), reads see the live class namespace.


class C:
    x = 1

    def m(self):
        return "m"


d = C.__dict__
print(type(d).__name__, type(d) is type(type.__dict__))
print(d["x"], "x" in d, "y" in d, d.get("y"), d.get("y", 5))
print(sorted(k for k in d if not k.startswith("__")))
print(sorted(k for k in d.keys() if not k.startswith("__")))
print([v for k, v in d.items() if k == "x"], len(d) == len(list(d)))
for attempt in ("d['x'] = 2", "del d['x']", "d.clear()", "d.update(x=3)", "d.setdefault('z', 1)", "d.pop('x')"):
    try:
        exec(attempt)
        print(attempt, "allowed")
    except (TypeError, AttributeError) as e:
        print(attempt, type(e).__name__, e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
print(C().x, C().m())

# Changes made the normal way show through the proxy, and the caches see them.
obj = C()
for i in range(3):
    print(obj.x, obj.m())
    C.x = i + 10
    C.m = lambda self, i=i: "new" + str(i)
print(d["x"], "m" in d)
copy = d.copy()
print(type(copy).__name__, copy["x"])
copy["x"] = 99
print(C.x)
print(d == dict(d), repr(type.__dict__)[:12])
print(dict(d)["x"], {**d}["x"])
print(type(int.__dict__).__name__, "__add__" in int.__dict__)
print(vars(C) is not None, type(vars(C)).__name__)
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)
print(list(reversed(C.__dict__))[-1] == list(C.__dict__)[0])
print(d | {"extra": 1} == {**d, "extra": 1})
