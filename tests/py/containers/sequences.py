# Indexing, slicing, slice assignment, comparisons, hashing of tuples, range arithmetic.
a = list(range(20))
print(a[::3], a[-3:], a[15:3:-4], a[100:], a[-100:2], a[::-7])
b = a[:]
b[2:18:5] = "wxyz"; print(b)
del b[::2]; print(b)
del b[-3:]; print(b)
b[1:1] = range(3); print(b)
b[-1:-3:-1] = [8, 9]; print(b)
t = tuple(range(10))
print(t[1:8:2], t[::-1][:3], t[5:2], t * 0, 2 * t[:2])
print(hash((1, 2)), hash(()), hash((1, (2, 3), "")) == hash((1, (2, 3), "")), hash((-1,)), hash((1.5, 2)))
print([1, 2] < [1, 2, 3], (2,) > (1, 9), [] == [], (1, 2) != (1, 2), [[1, 2]] <= [[1, 3]])
r = range(3, 40, 4)
print(len(r), r[2], r[-1], r[2:5], r[::-1], 11 in r, 12 in r, 11.0 in r, r.index(15), r.count(7))
print(list(reversed(r)), range(0, 10) == range(0, 10, 1), range(0) == range(5, 2), hash(range(3)) == hash(range(0, 3)))
print(range(10**20)[10**19], len(range(0, 10**6, 7)), 10**18 in range(10**20), range(5)[1:], range(10, 0, -3)[1:])
print(r.start, r.stop, r.step, bool(range(0)), list(range(5, -5, -3)))
s = slice(2, None, -1)
print(s.start, s.stop, s.step, s.indices(10), slice(None, None, -2).indices(5), slice(-100, 100).indices(7))
l = [5, 3, 8]
l *= 2; print(l)
l += "ab"; print(l)
l2 = l; l2 *= 0; print(l, l is l2)
x = [0] * 3 + [1] * 2; print(x, x.count(0), x.index(1), x.index(0, 1), x.index(1, -2))
print(list(reversed((1, 2, 3))), list(reversed(range(4))), list(reversed("abc")))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")], key=lambda p: p[0]), sorted("hello", reverse=True))
print(sorted([3.5, 1.25, -2.0]), sorted(["b", "B", "a", "ä"]), sorted([[3], [1, 2], [1]]))
data = [(i * 37 % 11, i) for i in range(30)]
print(sorted(data, key=lambda p: p[0])[:8], sorted(data, reverse=True)[:4])
lst = list(range(100, 0, -1)); lst.sort(); print(lst[:5], lst[-3:])
print(list(enumerate("abc", 5)), list(zip("ab", range(5), [9, 8])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(str.isdigit, "a1b2")), list(iter([1, 2, 3].pop, 1)), list(enumerate([], start=2**60)))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
    def __len__(self):
        return 4
print(list(Seq()), list(reversed(Seq())), 9 in Seq())
