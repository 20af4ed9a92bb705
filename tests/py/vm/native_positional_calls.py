# Native functions and methods called with positional arguments only, the path that fills
# trailing defaults without the general binder: values, omitted optional arguments, and every
# count, receiver and keyword error worded as CPython's.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = "a:b:c:d"
# Defaults filled from the signature: none, some or all of them given.
show(lambda: s.split())
show(lambda: s.split(":"))
show(lambda: s.split(":", 1))
show(lambda: s.split(None, 1))
show(lambda: s.rsplit(":", 2))
show(lambda: s.replace(":", "-"))
show(lambda: s.replace(":", "-", 2))
show(lambda: s.replace(":", "-", -1))
show(lambda: s.find(":"))
show(lambda: s.find(":", 2))
show(lambda: s.find(":", 2, 3))
show(lambda: s.find(":", None, 3))
show(lambda: s.count(":", -3))
show(lambda: s.startswith("b", 2))
show(lambda: s.endswith("c", 0, -2))
show(lambda: "  x  ".strip())
show(lambda: "xxaxx".strip("x"))
show(lambda: "xxaxx".strip(None))
show(lambda: "ab".center(6))
show(lambda: "ab".center(6, "*"))
show(lambda: "ab".ljust(4, "."))
show(lambda: "a\tb".expandtabs())
show(lambda: "a\tb".expandtabs(2))
show(lambda: "a\nb\n".splitlines())
show(lambda: "a\nb\n".splitlines(True))
show(lambda: [3, 1, 2].pop())
show(lambda: [3, 1, 2].pop(0))
show(lambda: {"k": 1}.get("k"))
show(lambda: {"k": 1}.get("x"))
show(lambda: {"k": 1}.get("x", 0))
show(lambda: getattr(s, "upper")())
show(lambda: getattr(s, "nope", "default"))
show(lambda: round(2.5))
show(lambda: round(2.567, 2))

# Keyword arguments still go through the binder.
show(lambda: s.split(sep=":"))
show(lambda: s.split(":", maxsplit=1))
show(lambda: s.split(maxsplit=1, sep=":"))
show(lambda: s.split(":", sep=":"))
show(lambda: s.split(bad=1))
show(lambda: s.replace(":", "-", count=1))
show(lambda: s.find(sub=":"))
show(lambda: "x".upper(x=1))

# Wrong counts, positional.
show(lambda: s.split(":", 1, 2))
show(lambda: s.replace(":"))
show(lambda: s.replace())
show(lambda: s.replace(":", "-", 1, 2))
show(lambda: s.strip(" ", " "))
show(lambda: s.center())
show(lambda: s.upper(1))
show(lambda: s.join())
show(lambda: s.join([], []))
show(lambda: [].pop(0, 1))
show(lambda: {}.get())
show(lambda: len())
show(lambda: len([], []))
show(lambda: getattr(s))
show(lambda: round())

# Wrong argument types reach the method's own checks.
show(lambda: s.split(":", "1"))
show(lambda: s.replace(":", "-", "2"))
show(lambda: s.find(":", "1"))
show(lambda: s.center(5, 1))

# Unbound method descriptors: the receiver is checked before anything is filled.
show(lambda: str.split("a b"))
show(lambda: str.split("a:b", ":"))
show(lambda: str.replace("aa", "a", "b", 1))
show(lambda: str.upper("q"))
show(lambda: str.split())
show(lambda: str.upper())
show(lambda: str.split(5))
show(lambda: str.split(5, ":"))
show(lambda: str.replace(b"a", "a", "b"))
show(lambda: str.find([], "a"))
show(lambda: list.pop([1, 2]))
show(lambda: list.pop((1, 2)))
show(lambda: dict.get({"a": 1}, "a"))
show(lambda: dict.get([], "a"))

# Subclass receivers, through the method and through the descriptor.
class S(str):
    pass

t = S("p-q-r")
show(lambda: t.split("-"))
show(lambda: t.split("-", 1))
show(lambda: t.replace("-", "+"))
show(lambda: str.split(t, "-"))
show(lambda: type(t.strip()).__name__)
show(lambda: type(t.upper()).__name__)

# A subclass method shadowing the native one, and calling it with super().
class T(str):
    def split(self, sep=None, maxsplit=-1):
        return ["T", super().split(sep, maxsplit)]

show(lambda: T("a b").split())
show(lambda: T("a,b,c").split(",", 1))

# Bound method objects (the receiver held by the method) fill defaults too.
m = s.split
show(lambda: m())
show(lambda: m(":"))
show(lambda: m(":", 1))
show(lambda: m(":", 1, 2))
show(lambda: m(sep=":"))
r = "aaa".replace
show(lambda: r("a", "b"))
show(lambda: r("a", "b", 2))
show(lambda: r("a"))

# Calls through map() and sorted(key=...) reach the same functions from native code.
print(list(map(str.upper, ["a", "b"])))
print(list(map(str.split, ["a b", "c d"])))
print(sorted(["b", "A", "c"], key=str.lower))
