# asyncio/queues.py: Queue (FIFO), LifoQueue and PriorityQueue with CPython 3.11's behaviour
# (maxsize, put/get and their _nowait forms, task_done/join, the same wake-up order), over the
# core's public API only.
#
# Storage lives behind _init/_put/_get, the hooks CPython's subclasses (and users') override.
# The hot parts are native (_asyncio._QueueCore); this file adds the Python-level pieces: the
# exceptions, the storage hooks subclasses override, reprs and join().

from _asyncio import _QueueCore
from .locks import Event

try:
    from collections import deque as _deque
except ImportError:
    _deque = None

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


async def _op_coroutine(op):
    # What create_task(q.get()) runs: a task drives real coroutines only.
    return await op


# Methods whose overriding makes a queue go through Python for its storage and sizes; a class
# that keeps them all is "fast" (its items live natively). Decided once per class.
_HOOKS = ('_init', '_put', '_get', 'qsize', 'empty', 'full', 'put_nowait', 'get_nowait')
_fast_classes = {}


def _is_fast(cls):
    fast = _fast_classes.get(cls)
    if fast is None:
        fast = all(getattr(cls, name) is getattr(Queue, name) for name in _HOOKS)
        _fast_classes[cls] = fast
    return fast


class Queue(_QueueCore):
    """A queue for coordinating producer and consumer tasks. With maxsize > 0, put() waits
    while the queue holds maxsize items; with maxsize <= 0 it never waits.

    The state and put/get/put_nowait/get_nowait/qsize/empty/full/task_done are native
    (_asyncio._QueueCore, stdlib/asyncio_queue.cpp); put() and get() return coroutines."""

    # Looked up by the native core.
    _QueueEmpty = QueueEmpty
    _QueueFull = QueueFull
    _deque = _deque
    _op_coroutine = staticmethod(_op_coroutine)

    def __init__(self, maxsize=0):
        finished = Event()
        finished.set()
        fast = _is_fast(type(self))
        self._setup(maxsize, finished, fast)
        if not fast:
            self._init(maxsize)

    # Storage hooks for the classes that override some of them (LifoQueue, PriorityQueue,
    # users'); a fast queue never calls them.
    def _init(self, maxsize):
        self._queue = _deque() if _deque is not None else []

    def _get(self):
        if _deque is None:
            return self._queue.pop(0)
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def __class_getitem__(cls, item):
        # Queue[int] in annotations; the parameter is not recorded.
        return cls

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    async def join(self):
        """Wait until every item put into the queue has been marked done by task_done()."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


# A binary heap on a list, as the heapq module keeps it; heapq's own functions replace these
# where that module exists.

def _heappush(heap, item):
    # Append, then move the item up while it is smaller than its parent.
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if not item < above:
            break
        heap[pos] = above
        pos = parent
    heap[pos] = item


def _heappop(heap):
    # Take the root; move the last item down from the root to its place. Like heapq, go down
    # to a leaf along the smaller children first, then back up: fewer comparisons on average,
    # and the same order of equal items as heapq gives.
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    end = len(heap)
    pos = 0
    child = 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    while pos > 0:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if not last < above:
            break
        heap[pos] = above
        pos = parent
    heap[pos] = last
    return top


try:
    from heapq import heappush as _heappush, heappop as _heappop
except ImportError:
    pass


class PriorityQueue(Queue):
    """A Queue that returns the smallest entry first, typically (priority, data) tuples."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    """A Queue that returns the most recently added entry first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
