# asyncio/timeouts.py: timeout() and timeout_at(), CPython 3.11's deadline context managers.
# At the deadline the enclosing task is cancelled; on the way out the outermost expired
# Timeout turns that CancelledError into TimeoutError, using Task.uncancel() to tell its own
# cancel from anybody else's. Uses only the core's public API.
#
# Contract with the package: asyncio/__init__.py binds the core names imported below before it
# imports this module.

from . import CancelledError, current_task, get_running_loop

__all__ = ('Timeout', 'timeout', 'timeout_at')

# States; the strings are what CPython's _State enum values print as in repr and messages.
_CREATED = 'created'
_ENTERED = 'active'
_EXPIRING = 'expiring'
_EXPIRED = 'expired'
_EXITED = 'finished'


class Timeout:
    """An asynchronous context manager that cancels its task at a deadline (loop.time()
    clock; None means never) and raises TimeoutError in its place."""

    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._cancelling = 0   # the task's cancelling() count when the block was entered
        self._when = when

    def when(self):
        """The current deadline, or None."""
        return self._when

    def reschedule(self, when):
        """Move the deadline (None removes it); only while the block is running."""
        if self._state is not _ENTERED:
            if self._state is _CREATED:
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        """Is timeout expired during execution?"""
        return self._state is _EXPIRING or self._state is _EXPIRED

    def __repr__(self):
        info = ['']
        if self._state is _ENTERED:
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        return f"<Timeout [{self._state}]{' '.join(info)}>"

    async def __aenter__(self):
        if self._state is not _CREATED:
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = _ENTERED
        self._task = task
        # Cancels requested before entering are not ours to convert (see __aexit__).
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        assert self._state is _ENTERED or self._state is _EXPIRING
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state is _EXPIRING:
            self._state = _EXPIRED
            # No cancel was requested since we entered but ours: the CancelledError is ours
            # to convert.
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state is _ENTERED:
            self._state = _EXITED
        return None

    def _on_timeout(self):
        assert self._state is _ENTERED
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """A Timeout that expires `delay` seconds from now (None: never)."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """A Timeout that expires at `when` on the loop.time() clock (None: never)."""
    return Timeout(when)
