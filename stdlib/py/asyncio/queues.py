# asyncio/queues.py: Queue (FIFO), LifoQueue and PriorityQueue with CPython 3.11's behaviour
# (maxsize, put/get and their _nowait forms, task_done/join, the same wake-up order), over the
# core's public API only.
#
# Storage lives behind _init/_put/_get, the hooks CPython's subclasses (and users') override.
# For speed, put()/get() inline their _nowait twins and the size checks read len(_queue) instead
# of calling full()/qsize() (so overriding those two changes only what callers see), and the
# class has no mixin bases: each base lengthens every attribute lookup.
#
# Contract with the package: asyncio/__init__.py binds get_running_loop before it imports this
# module.

from . import get_running_loop
from .locks import Event, _get_loop

try:
    from collections import deque as _deque
except ImportError:
    _deque = None

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


def _wakeup_next(waiters):
    # Wake the oldest waiter that is still waiting; already-done ones are dropped.
    while waiters:
        waiter = waiters.pop(0)
        if not waiter.done():
            waiter.set_result(None)
            break


def _drop(waiters, waiter):
    try:
        waiters.remove(waiter)
    except ValueError:
        pass


class Queue:
    """A queue for coordinating producer and consumer tasks. With maxsize > 0, put() waits
    while the queue holds maxsize items; with maxsize <= 0 it never waits."""

    _loop = None
    _get_loop = _get_loop

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    # Storage hooks, overridden by LifoQueue and PriorityQueue. The FIFO is a deque when the
    # collections module is there; a list's pop(0) is the fallback (fine for bounded queues).
    if _deque is not None:
        def _init(self, maxsize):
            self._queue = _deque()

        def _get(self):
            return self._queue.popleft()
    else:
        def _init(self, maxsize):
            self._queue = []

        def _get(self):
            return self._queue.pop(0)

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

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        """Number of items allowed in the queue."""
        return self._maxsize

    def empty(self):
        """Return True if the queue is empty, False otherwise."""
        return not self._queue

    def full(self):
        """Return True if there are maxsize items in the queue (never, when maxsize <= 0)."""
        if self._maxsize <= 0:
            return False
        return len(self._queue) >= self._maxsize

    async def put(self, item):
        """Put an item into the queue, first waiting for a free slot if it is full."""
        while 0 < self._maxsize <= len(self._queue):
            loop = get_running_loop()
            if loop is not self._loop:
                loop = self._get_loop()  # binds to the loop, or raises
            putter = loop.create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()  # in case it was not woken yet
                _drop(self._putters, putter)
                # Woken but leaving without putting: pass the free slot on.
                if not self.full() and not putter.cancelled():
                    _wakeup_next(self._putters)
                raise
        # put_nowait(), inlined: the room was checked just above.
        self._put(item)
        self._unfinished_tasks += 1
        self._finished._value = False
        if self._getters:
            _wakeup_next(self._getters)

    def put_nowait(self, item):
        """Put an item into the queue without waiting; raise QueueFull if there is no room."""
        if 0 < self._maxsize <= len(self._queue):
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished._value = False   # Event.clear(), inlined: this is the hot path
        if self._getters:
            _wakeup_next(self._getters)

    async def get(self):
        """Remove and return an item, first waiting for one if the queue is empty."""
        while not self._queue:
            loop = get_running_loop()
            if loop is not self._loop:
                loop = self._get_loop()  # binds to the loop, or raises
            getter = loop.create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()  # in case it was not woken yet
                _drop(self._getters, getter)
                # Woken but leaving without an item: pass the item on.
                if not self.empty() and not getter.cancelled():
                    _wakeup_next(self._getters)
                raise
        # get_nowait(), inlined: an item is there.
        item = self._get()
        if self._putters:
            _wakeup_next(self._putters)
        return item

    def get_nowait(self):
        """Remove and return an item if one is available at once, else raise QueueEmpty."""
        if not self._queue:
            raise QueueEmpty
        item = self._get()
        if self._putters:
            _wakeup_next(self._putters)
        return item

    def task_done(self):
        """Mark one item taken by get() as processed; join() returns when none is left."""
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

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
