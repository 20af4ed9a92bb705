# asyncio/taskgroups.py: TaskGroup, CPython 3.11's structured concurrency. On leaving the
# `async with` body it waits for every child; the first child to fail cancels its siblings and
# the body, and the failures leave as one BaseExceptionGroup (an ExceptionGroup when every one
# is an Exception). Uses only the core's public API: tasks, cancel/uncancel, futures.
#
# Contract with the package: asyncio/__init__.py binds the core names imported below before it
# imports this module.

from . import CancelledError, current_task, get_running_loop

__all__ = ('TaskGroup',)


def _is_base_error(exc):
    # The exceptions a TaskGroup re-raises as themselves rather than inside a group.
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class TaskGroup:
    """An asynchronous context manager holding a group of tasks; see the module comment."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        # True once this group has cancelled its parent task, which __aexit__ must undo.
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        # Set while __aexit__ waits; the last child to finish completes it.
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        return f'<TaskGroup{" ".join(info)}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        # 1. Undo our own cancel of the parent; the CancelledError it caused is ours to
        #    swallow unless someone else also cancelled the parent.
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        # 2. The body failed or was cancelled: cancel the children.
        if et is not None and not self._aborting:
            self._abort()
        # 3. Wait for every child. The wait itself may be cancelled, more than once if the
        #    parent is cancelled repeatedly; each time a fresh future is made.
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    # The parent was cancelled from outside while the children ran.
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        # 4. Raise: KeyboardInterrupt/SystemExit as themselves, then a pending cancel (only
        #    when no child failed), then the group of failures.
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            # Drop our list of exceptions once raised: they hold tracebacks and frames.
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        """Start a child task in this group and return it."""
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        # Named after creation, as CPython does, so unnamed tasks are numbered the same way.
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            # The parent is gone: nobody can receive this failure but the loop.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            # First failure: cancel the siblings and interrupt the body (the parent task),
            # remembering to uncancel the parent in __aexit__.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
