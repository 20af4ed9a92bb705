# asyncio.Lock: FIFO hand-over, cancelled waiters (queued, and woken-then-cancelled), reprs.
import asyncio


def state(obj):
    # The repr without the object's address: "[unlocked]", "[locked, waiters:2]", ...
    return "[" + repr(obj).split(" [")[1][:-1]


async def holder(lock, name, log, hold=0):
    async with lock as bound:
        log.append(f"{name} in (as {bound})")
        for _ in range(hold):
            await asyncio.sleep(0)
        log.append(f"{name} out")


async def fifo():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    tasks = [asyncio.create_task(holder(lock, n, log, 1)) for n in "abc"]
    await asyncio.sleep(0)
    print("queued:", state(lock))
    lock.release()
    print("right after release:", state(lock))
    await asyncio.gather(*tasks)
    print(log, state(lock))


async def cancel_queued_waiter():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    a = asyncio.create_task(holder(lock, "a", log))
    b = asyncio.create_task(holder(lock, "b", log))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    print("a cancelled:", a.cancelled(), state(lock))
    lock.release()
    await b
    print(log)


async def cancel_after_wakeup():
    # a is woken by release() but cancelled before it runs: the lock passes on to b.
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    a = asyncio.create_task(holder(lock, "a", log))
    b = asyncio.create_task(holder(lock, "b", log))
    await asyncio.sleep(0)
    lock.release()
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print("a cancelled:", a.cancelled(), log, lock.locked())


async def free_lock_with_cancelled_waiters():
    lock = asyncio.Lock()
    await lock.acquire()
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    w.cancel()
    lock.release()
    print("acquire while the only waiter is cancelled:", await lock.acquire())
    await asyncio.sleep(0)
    print("waiter cancelled:", w.cancelled(), state(lock))
    lock.release()


async def errors():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with lock:
            raise KeyError("body")
    except KeyError as e:
        print("body error passes through:", repr(e), "locked:", lock.locked())


async def main():
    await fifo()
    await cancel_queued_waiter()
    await cancel_after_wakeup()
    await free_lock_with_cancelled_waiters()
    await errors()


asyncio.run(main())
