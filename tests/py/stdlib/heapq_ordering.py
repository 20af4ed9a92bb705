# heapq: the order of items the native sift loops compare without the general comparison (small
# ints, tuples led by small ints) mixed with items that need it (floats, big ints, strs, __lt__).
import heapq

items = [(3, 'c'), (1, 'z'), (1, 'a'), (2,), (2, 0), (1,), (), (1, 'a', 0), (-5, 'm'), (10**20, 'big'),
         (2.5, 'f'), (True, 't'), (-(10**19), 'neg')]
h = []
for it in items:
    heapq.heappush(h, it)
print([heapq.heappop(h) for _ in range(len(h))])
nums = [5, -3, 2**62, -(2**70), 7, 0, 3.5, -0.5, True, 5]
heapq.heapify(nums)
print([heapq.heappop(nums) for _ in range(len(nums))])
print(heapq.nsmallest(3, [(2, 'b'), (2, 'a'), (1, 'q')]), heapq.heappushpop([(1, 2)], (1, 1)))


class Rev:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return f'Rev({self.v})'


h = []
for v in (3, 1, 4, 1, 5, 9, 2, 6):
    heapq.heappush(h, (0, Rev(v)))
print([heapq.heappop(h)[1] for _ in range(len(h))])
for bad in ([(1, 'a'), (1, 2)], [1, 'x'], [(1,), [1]]):
    try:
        heapq.heapify(bad)
        print(bad)
    except TypeError as e:
        print('TypeError', e)
