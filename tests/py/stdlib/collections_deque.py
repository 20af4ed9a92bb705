# collections.deque: growth at both ends, maxlen, rotate, indexing, comparisons, errors.
from collections import deque

d = deque(range(5))
d.appendleft(-1)
d.append(5)
print(d, len(d), d[0], d[-1], d[3])
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d[2] = 'x'
del d[0]
print(d, 'x' in d, d.index('x'), d.count(5))
d.insert(1, 'ins')
d.remove('x')
d.reverse()
print(d, list(reversed(d)))
b = deque('abcdef', maxlen=3)
print(b, b.maxlen)
b.appendleft('z')
b.extend('12')
print(b)
b.extendleft('QR')
print(b)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque() == [])
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque([0]))
e = deque([1])
e += [2, 3]
e *= 2
print(e, bool(e), bool(deque()))
c = e.copy()
c.clear()
print(c, e, deque(maxlen=0))
print(deque([deque([1])]), repr(deque([], maxlen=2)))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(2), lambda: deque([1]).index(2), lambda: hash(deque()),
            lambda: deque(maxlen=-1), lambda: deque([1], 1).insert(0, 2)):
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)
m = deque([1, 2, 3])
try:
    for x in m:
        m.append(x)
except RuntimeError as exc:
    print('RuntimeError', exc)


class Stack(deque):
    def peek(self):
        return self[-1]


s = Stack([1, 2, 3])
print(s.peek(), len(s), type(s.copy()).__name__, s)
big = deque()
for i in range(10000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))
