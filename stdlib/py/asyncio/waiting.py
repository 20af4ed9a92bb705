# asyncio/waiting.py: wait(), as_completed() and shield(), and the FIRST_COMPLETED /
# FIRST_EXCEPTION / ALL_COMPLETED constants, with the behaviour of CPython 3.11's
# asyncio/tasks.py versions. They are built from done callbacks on the caller's futures and
# one waiter future each, over the core's public API only.
#
# Contract with the package: asyncio/__init__.py binds the core names imported below before it
# imports this module.

from . import Future, get_event_loop, get_running_loop
from .queues import Queue

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'wait', 'as_completed', 'shield')

# The same strings as concurrent.futures' constants, which asyncio re-exports.
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def _probe():
    pass


# The coroutine type, taken from a throwaway coroutine (what types.CoroutineType is).
_probe_coro = _probe()
_CoroutineType = type(_probe_coro)
_probe_coro.close()
del _probe_coro, _probe


async def _wrap_awaitable(awaitable):
    return await awaitable


def _isfuture(obj):
    # Our Future and Task, or any class that opts into the future protocol as CPython's
    # futures.isfuture() recognises it.
    if isinstance(obj, Future):
        return True
    return (hasattr(type(obj), '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _ensure_future(obj, loop=None):
    # A future (or task) as it is; a coroutine or other awaitable wrapped in a new task.
    if _isfuture(obj):
        return obj
    if type(obj) is not _CoroutineType:
        if not hasattr(type(obj), '__await__'):
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
        obj = _wrap_awaitable(obj)
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(obj)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures or tasks in fs; return the sets (done, pending). A timeout
    returns early instead of raising."""
    if _isfuture(fs) or type(fs) is _CoroutineType:
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    for f in fs:
        if type(f) is _CoroutineType:
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    return await _wait(fs, timeout, return_when, get_running_loop())


async def _wait(fs, timeout, return_when, loop):
    # One waiter future, completed by the timeout or by the done callback that sees the
    # return_when condition met; the callbacks are removed again however we leave.
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Iterate over coroutines that return (or raise) the results of fs in the order they
    complete; after the timeout, awaiting one raises TimeoutError."""
    # A generator, so even the argument check waits for the first next(), as in CPython.
    if _isfuture(fs) or type(fs) is _CoroutineType:
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    done = Queue()
    loop = get_event_loop()
    todo = {_ensure_future(f, loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # one marker per unfinished future
        todo.clear()

    def _on_completion(f):
        if not todo:
            return  # the timeout came first
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    """Return a future that follows arg but whose cancellation does not cancel arg."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    outer = inner.get_loop().create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # mark the exception as retrieved
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer
