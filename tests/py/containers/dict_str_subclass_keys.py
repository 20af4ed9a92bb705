# Dict lookups must find keys stored as str subclass instances when looked up with a plain str
# (and the reverse): the str fast path used to require both keys to have the same type.
class S(str):
    pass


class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", str.__repr__(self), repr(other))
        return str.__eq__(self, other)

    __hash__ = str.__hash__


d = {S("a"): 1, "b": 2}
print(d["a"], "a" in d, d.get("a"), d.get(S("b")), S("b") in d)
d["a"] = 10
print(d, len(d))
del d["a"]
print(d, "a" in d)

e = {Loud("x"): 1}
print(e["x"], "x" in e, e.get("y"))

s = {S("k"), "m"}
print("k" in s, S("m") in s, len(s | {"k"}))

g = {}
g[S("name")] = 3
print(g.pop("name"), g)
print({**{S("z"): 1}, "z": 2})


class Attr:
    pass


a = Attr()
setattr(a, S("field"), 5)
print(a.field, getattr(a, "field"))
