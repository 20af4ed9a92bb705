# Dicts around the size that fits inside the dict object (five entries, an index of eight):
# growing past it, deleting and re-adding, clearing and refilling, copying, and instance
# __dict__s built by attribute stores, keep insertion order and every value.


def show(d):
    print(len(d), list(d.items()))


d = {}
for i in range(12):
    d["k%d" % i] = i
    if i in (3, 4, 5, 6, 11):
        show(d)

# Holes: delete from the middle and the end, then refill past the inline size.
for k in ("k1", "k4", "k11", "k10"):
    del d[k]
show(d)
for i in range(20, 26):
    d["k%d" % i] = i * 10
show(d)

# Five keys exactly, then a sixth after deleting one (the index is rebuilt, not grown).
e = {i: i * i for i in range(5)}
del e[2]
e[7] = 49
e[8] = 64
show(e)
e.clear()
show(e)
for i in range(7):
    e[-i] = str(i)
show(e)

# Copies and merges of small and grown dicts stay independent of their source.
small = {"a": 1, "b": 2}
c = small.copy()
c["c"] = 3
show(small)
show(c)
big = dict.fromkeys(range(9), 0)
merged = {**small, **big}
show(merged)
merged.update(zip("vwxyz", range(5)))
show(merged)


class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)


for n in (0, 4, 5, 6, 9):
    p = P(n)
    print(n, sorted(vars(p).items()) == [("a%d" % i, i) for i in range(n)], list(vars(p))[:3])

q = P(5)
q.extra = "x"
del q.a0
q.a0 = "again"
print(list(vars(q).items()))
print(q.a0, q.extra, getattr(q, "a4"))

# Many small dicts alive at once, with a collection in between, keep their contents.
keep = [{"i": i, "sq": i * i, "s": str(i)} for i in range(20000)]
print(sum(k["sq"] for k in keep), keep[12345])
