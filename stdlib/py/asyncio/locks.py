# asyncio/locks.py: Lock, Event, Condition, Semaphore, BoundedSemaphore and Barrier, with the
# behaviour of CPython 3.11's asyncio/locks.py (same wake-up order, same messages). Lock,
# Semaphore and BoundedSemaphore keep their state and hot methods (acquire, release, locked,
# __aenter__, __aexit__) in the native _asyncio._LockCore (stdlib/asyncio_locks.cpp), Event its
# state and waiting in _asyncio._EventCore; the rest is written over the core's public API:
# loop.create_future() and the Future methods.
#
# Contract with the package: asyncio/__init__.py binds the core names imported below
# (CancelledError, get_running_loop) before it imports this module.
#
# Condition's waiter queue is a deque of futures, as in CPython (FIFO: append at the end, wake
# from the front; a woken waiter removes itself from the front in O(1)).

from collections import deque

from _asyncio import _EventCore, _LockCore

from . import CancelledError, get_running_loop

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier',
           'BrokenBarrierError')


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""


# Every class here gets these as its own attributes instead of inheriting them from mixin
# classes (CPython's mixins._LoopBoundMixin and _ContextManagerMixin): each base class in the
# MRO makes every attribute lookup on the instance a little slower.

def _get_loop(self):
    # A primitive binds to the first running loop that needs a future from it, and refuses
    # to be used from another loop afterwards.
    loop = get_running_loop()
    if self._loop is None:
        self._loop = loop
    elif loop is not self._loop:
        raise RuntimeError(f'{self!r} is bound to a different event loop')
    return loop


async def _aenter_acquire(self):
    await self.acquire()
    # `async with lock as x` binds None, as in CPython.
    return None


async def _aexit_release(self, exc_type, exc, tb):
    # CPython's mixin: the release happens when the result is awaited.
    self.release()


async def _op_coroutine(op):
    # What create_task(lock.acquire()) runs: a task drives real coroutines only.
    return await op


# A class that overrides acquire() or release() makes _LockCore's __aenter__/__aexit__ call
# them through Python; decided once per class.
_fast_classes = {}


def _is_fast(cls):
    fast = _fast_classes.get(cls)
    if fast is None:
        fast = cls.acquire is _LockCore.acquire and cls.release is _LockCore.release
        _fast_classes[cls] = fast
    return fast


def _describe(obj, extra):
    # CPython's reprs: the default object repr with " [state]" inserted before the '>'.
    res = object.__repr__(obj)
    return f'<{res[1:-1]} [{extra}]>'


def _with_waiters(extra, waiters):
    if waiters:
        return f'{extra}, waiters:{len(waiters)}'
    return extra


class Lock(_LockCore):
    """Primitive lock objects: acquire() waits while the lock is held; waiters are served
    in FIFO order. acquire/release/locked and the `async with` methods are native."""

    # Looked up by the native core.
    _deque = deque
    _op_coroutine = staticmethod(_op_coroutine)
    _aenter_acquire = staticmethod(_aenter_acquire)

    def __init__(self):
        self._setup(0, 1, _is_fast(type(self)))

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        return _describe(self, _with_waiters(extra, self._waiters))


class Event(_EventCore):
    """A flag that tasks can wait for: set() wakes every waiter, clear() resets it.

    The flag, the waiters and is_set()/set()/clear()/wait() are native (_asyncio._EventCore,
    stdlib/asyncio_event.cpp): a waiting task holds no future and no wait() frame."""

    _get_loop = _get_loop

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        return _describe(self, _with_waiters(extra, self._waiters))


class Condition:
    """A condition variable over a Lock (a new one unless one is given)."""

    _loop = None
    _get_loop = _get_loop
    __aenter__ = _aenter_acquire
    __aexit__ = _aexit_release

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        # The lock's own methods become ours, as in CPython.
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = deque()

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        return _describe(self, _with_waiters(extra, self._waiters))

    async def wait(self):
        """Release the lock, wait for a notify, then take the lock again; return True."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # The lock must be held again on the way out, even when cancelled; a cancel
            # that arrives while re-acquiring is delivered once the lock is ours.
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        """Wait until predicate() is true and return its value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n waiting tasks (the caller must hold the lock)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake every waiting task (the caller must hold the lock)."""
        self.notify(len(self._waiters))


class Semaphore(_LockCore):
    """A counter that acquire() decrements, waiting while it is zero, and release()
    increments. acquire/release/locked and the `async with` methods are native."""

    _deque = deque
    _op_coroutine = staticmethod(_op_coroutine)
    _aenter_acquire = staticmethod(_aenter_acquire)
    _kind = 1

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._setup(self._kind, value, _is_fast(type(self)))

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        return _describe(self, _with_waiters(extra, self._waiters))


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() refuses to raise the counter above its initial value
    (the native release checks _bound_value)."""

    _kind = 2


# Barrier states; the strings are what CPython's _BarrierState enum values print as.
_FILLING = 'filling'
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


class Barrier:
    """Blocks tasks in wait() until `parties` of them are waiting, then releases them all."""

    _loop = None
    _get_loop = _get_loop

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return _describe(self, extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the barrier to fill; return this task's index, 0 to parties-1."""
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        # Wait while a previous round drains or resets; a broken barrier fails at once.
        await self._cond.wait_for(lambda: self._state not in (_DRAINING, _RESETTING))
        if self._state is _BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state is not _FILLING)
        if self._state in (_BROKEN, _RESETTING):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        # The last task out of a draining or reset barrier opens it for the next round.
        if self._count == 0:
            if self._state in (_RESETTING, _DRAINING):
                self._state = _FILLING
            self._cond.notify_all()

    async def reset(self):
        """Return the barrier to its empty state; current waiters get BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                if self._state is not _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: current and future waiters get BrokenBarrierError."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        """The number of tasks required to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of tasks waiting at the barrier while it fills."""
        if self._state is _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """True if the barrier is broken."""
        return self._state is _BROKEN
