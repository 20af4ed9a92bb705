# stdlib/py/asyncio/__init__.py: the asyncio package: CPython 3.11's names over eddy's native core
# (_asyncio: the event loop, Future, Task, sleep, gather), plus the parts written in Python as
# CPython writes them: wait_for, run. The synchronisation primitives, queues, TaskGroup, timeout
# and wait/as_completed/shield (waiting.py) live in the sibling modules imported at the end.

from _asyncio import (
    AbstractEventLoop, BaseEventLoop, CancelledError, Future, Handle, InvalidStateError, Task,
    TimerHandle, TimeoutError, _GatheringFuture, _get_running_loop, _interrupt_count, _set_sigint_task, all_tasks,
    create_task, current_task, ensure_future, gather, get_event_loop, get_running_loop, iscoroutine, isfuture,
    new_event_loop, set_event_loop, sleep,
)


def iscoroutinefunction(func):
    """True for functions defined with `async def` (inspect.iscoroutinefunction)."""
    code = getattr(func, "__code__", None)
    return code is not None and bool(getattr(code, "co_flags", 0) & 0x80)


# ---- wait_for (tasks.py, 3.11) ----

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        # Not `await fut`: a fut that swallows the cancel must not stall us.
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for one awaitable with a timeout; on timeout cancel it and raise TimeoutError."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


# ---- run (runners.py, 3.11) ----

async def _nothing():
    pass


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


def run(main, *, debug=None):
    """Run the coroutine `main` on a new event loop, then cancel what is left and close it."""
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got {!r}".format(main))
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        task = loop.create_task(main)
        # Runner.run: while the task runs, Ctrl-C cancels it (_set_sigint_task, native); once it
        # has unwound, the run ends in KeyboardInterrupt. A second Ctrl-C raises at once.
        _set_sigint_task(task)
        try:
            return loop.run_until_complete(task)
        except CancelledError:
            if _interrupt_count() > 0:
                uncancel = getattr(task, "uncancel", None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()
            raise
        finally:
            _set_sigint_task(None)
    finally:
        try:
            _cancel_all_tasks(loop)
            # shutdown_asyncgens() and shutdown_default_executor(): one task each.
            loop.run_until_complete(_nothing())
            loop.run_until_complete(_nothing())
        finally:
            set_event_loop(None)
            loop.close()


# ---- the primitives built on the above ----

from .locks import *
from .queues import *
from .taskgroups import *
from .timeouts import *
from .waiting import *
