# Lock/Semaphore's acquire(), __aenter__() and __aexit__() finish in one step when awaited and
# free (their await forms, stdlib/asyncio_locks.cpp); all else must stay as CPython's
# coroutines: __aexit__ releases when awaited, not when called; ops made and awaited later or
# twice, or run as tasks; subclasses overriding acquire()/release() are called by `async with`;
# _waiters is None until the first wait; wait_for timing out an acquire; BoundedSemaphore.
import asyncio


class LoudLock(asyncio.Lock):
    async def acquire(self):
        print('  LoudLock.acquire')
        return await super().acquire()

    def release(self):
        print('  LoudLock.release')
        super().release()


class LoudSemaphore(asyncio.Semaphore):
    def release(self):
        print('  LoudSemaphore.release', self._value)
        super().release()


def by_hand():
    lock = asyncio.Lock()
    c = lock.acquire()
    print(type(c).__name__, asyncio.iscoroutine(c))
    try:
        c.send(None)
    except StopIteration as e:
        print('acquire by hand', e.value, lock.locked())
    lock.release()


async def main():
    lock = asyncio.Lock()
    print('waiters before', lock._waiters)
    print('aenter', await lock.__aenter__(), lock.locked())
    exit_coro = lock.__aexit__(None, None, None)
    print('called, still locked:', lock.locked())
    print('aexit', await exit_coro, lock.locked())
    try:
        await exit_coro
    except RuntimeError as e:
        print('twice:', e)

    acq = lock.acquire()     # made while free, awaited once the lock is held elsewhere
    await lock.acquire()
    t = asyncio.create_task(acq)
    await asyncio.sleep(0)
    print('task waits', t.done(), len(lock._waiters), type(lock._waiters).__name__)
    lock.release()
    print('task got it', await t, lock.locked())
    lock.release()

    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
        print('acquired free lock')
        await asyncio.wait_for(lock.acquire(), 0.01)
    except asyncio.TimeoutError:
        print('timed out', lock.locked(), len(lock._waiters))
    lock.release()
    print('free again', lock.locked())

    loud = LoudLock()
    async with loud as x:
        print('  inside', x, loud.locked())
    print('after', loud.locked())

    sem = LoudSemaphore(2)
    async with sem:
        print('  inside', sem._value)
    print('after', sem._value)

    b = asyncio.BoundedSemaphore(1)
    try:
        async with b:
            b.release()
    except ValueError as e:
        print('ValueError', e, b._value)

    # Cancelled while waiting inside `async with`: nothing is held afterwards.
    s = asyncio.Semaphore(1)
    await s.acquire()
    async def user():
        async with s:
            print('  never')
    u = asyncio.create_task(user())
    await asyncio.sleep(0)
    u.cancel()
    try:
        await u
    except asyncio.CancelledError:
        print('cancelled user', s._value, s.locked(), len(s._waiters))
    s.release()
    print('released', s._value, s.locked())

    # A woken acquirer that is cancelled before it runs hands the unit on.
    s2 = asyncio.Semaphore(0)
    order = []
    async def w(n):
        async with s2:
            order.append(n)
    ts = [asyncio.create_task(w(n)) for n in range(3)]
    await asyncio.sleep(0)
    s2.release()
    ts[0].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print('order', order, s2._value, [t.cancelled() for t in ts])


by_hand()
asyncio.run(main())
