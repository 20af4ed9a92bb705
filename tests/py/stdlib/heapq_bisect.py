# heapq and bisect: heap layout after each operation (must match CPython's list exactly).
import heapq
import bisect
import random

random.seed(7)
data = [random.randrange(100) for _ in range(20)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 50), heapq.heappushpop(data, 1), heapq.heappushpop(data, 99), data[:5])
print(heapq.nsmallest(3, [5, 1, 4, 1, 9]), heapq.nlargest(2, ['a', 'ccc', 'bb'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge(['b', 'a'], ['c'], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'read'))
heapq.heappush(tasks, (2, 'exec'))
print([heapq.heappop(tasks) for _ in range(3)])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 2, 2, 3))
bisect.insort(a, 4)
bisect.insort_left(a, 0)
print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print(e)
