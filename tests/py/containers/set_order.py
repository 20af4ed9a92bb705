# Set iteration order follows CPython's table layout (small ints and strs via the hash).
print({3, 1, 2}, {100, 8, 16, -1, -2}, set(range(20, 0, -3)))
s = set()
for i in [5, 37, 69, 101, 133, 4, 36]:
    s.add(i)
print(s)
s.discard(37); s.add(165); print(s)
print(set(range(50)) - set(range(0, 50, 3)))
print({1, 2, 3} ^ {3, 4, 5}, {1, 2, 3} & {2, 3, 4, 100}, {1, 2} | {64, 128})
big = set(range(1000))
print(len(big), list(big)[:5], sum(big))
t = {x * 7 % 50 for x in range(40)}
print(t)
while t:
    print(t.pop(), end=" ")
print()
fs = frozenset([10, 2, 33, 4])
print(fs, hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset({(1, 2), 5})))
print(frozenset({1: 2, 3: 4}), set({"a": 1}.keys()) == {"a"})
print({(1, 2), (3, 4), (0, 0)}, {True, 1, 1.0, 2})
print(set([3, 2, 1]).union([7], (6,)), {5, 6}.intersection([6, 7], {6}))
print({1, 2, 3}.difference([2]), {1, 2}.symmetric_difference([2, 3]))
print({-5, -3, 0, 7}, {2**40, 2**50, 3})
