# dict details: views, set operations on views, __missing__, ordering after deletes, fromkeys.
d = dict.fromkeys("abcde", 0)
del d["b"]; d["b"] = 1; d.pop("a"); d["a"] = 2
print(d, list(d.keys()), list(d.values()), list(d.items()))
k = d.keys()
print(k & {"a", "z"}, k | {"q"} == {"a", "b", "c", "d", "e", "q"}, sorted(k - {"a"}), sorted(k ^ {"a", "y"}))
print(d.items() & {("a", 2), ("b", 0)}, ("a", 2) in d.items(), ("a", 3) in d.items())
print(k == {"a", "b", "c", "d", "e"}, k <= {"a", "b", "c", "d", "e", "f"}, k.isdisjoint(["x"]))
print(len(k), len(d.values()), list(reversed(d)), list(reversed(d.items()))[:2])
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter(a=1)
print(c["a"], c["zz"], "zz" in c, c)
m = {1: "a"}
m.update({2: "b"}, three=3)
m.update([(4, "d")])
print(m, m | {1: "z"}, {0: 0} | m)
m |= [(5, "e")]
print(m, m.setdefault(9, []), m.get(10), m.get(10, "dflt"))
big = {}
for i in range(2000):
    big[i * 7919 % 10007] = i
for i in range(0, 2000, 2):
    del big[i * 7919 % 10007]
print(len(big), list(big.items())[:3], sum(big.values()))
print({1: 1} == {1: 1.0}, {1: 1} == {1: 2}, {"a": [1]} != {"a": [1]}, dict(zip("ab", "xy")))
e = {}
e[1] = e[1.0] = e[True] = "last"
print(e, {0: 1, False: 2}, {(1, 2): 3}[1, 2])
print(dict({"x": 1}, y=2), dict([("k", "v")], k="w"), dict(["ab", "cd"]))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
it = iter({1: 2, 3: 4}.items()); print(next(it), list(it))
x = {"a": 1}
x.clear(); print(x, x.copy() is x)
while big:
    big.popitem()
print(big)
