# stdlib/py/heapq.py: the heapq module: a binary min-heap kept in a list (heap[k] <= heap[2k+1]
# and heap[2k+2]), with the same sift order as CPython 3.11's Lib/heapq.py, so the list's layout
# after each operation matches CPython's exactly.
__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest',
           'heappushpop']


# The heap operations themselves are native; the private max-heap helpers keep CPython's names.
from _heapq import heappush, heappop, heapify, heapreplace, heappushpop


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return item
    return last


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    # A simple k-way merge: entries are [value-or-key, order, value, iterator] so that ties go
    # to the earlier iterable, which is what CPython's merge guarantees.
    entries = []
    sign = -1 if reverse else 1
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            entries.append([value if key is None else key(value), sign * order, value, it])
            break
    while entries:
        if reverse:
            best = max(range(len(entries)), key=lambda i: (entries[i][0], entries[i][1]))
        else:
            best = min(range(len(entries)), key=lambda i: (entries[i][0], entries[i][1]))
        entry = entries[best]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            break
        else:
            del entries[best]




def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
