# deque_heapq: a sliding window on a deque and a priority queue on heapq, N operations each.
import heapq
import sys
from collections import deque

n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
window = deque(maxlen=64)
acc = 0
for i in range(n):
    window.append(i * 7 % 1013)
    if i % 5 == 0:
        window.appendleft(window.pop())
    if i % 64 == 0:
        acc += sum(window)
        window.rotate(3)
heap = []
seed = 12345
for i in range(n):
    seed = (seed * 1103515245 + 12345) % 2147483648
    heapq.heappush(heap, (seed % 100000, i))
    if i % 3 == 2:
        acc += heapq.heappop(heap)[0]
while heap:
    acc ^= heapq.heappop(heap)[0]
print(acc, len(window), window[0])
