# Lock and Semaphore waiter queues: FIFO wake-up, a woken acquirer cancelled before it runs
# passing its turn on, reprs with waiter counts, `async with` binding None and releasing on the
# way out (also on an exception), Lock.release() when unlocked, BoundedSemaphore over-release.
import asyncio


async def acquirer(prim, name, log):
    try:
        async with prim as bound:
            log.append((name, bound))
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log.append((name, 'cancelled'))
        raise


async def run(prim):
    log = []
    await prim.acquire()
    tasks = [asyncio.create_task(acquirer(prim, n, log)) for n in 'abcd']
    await asyncio.sleep(0)
    print(repr(prim).split(' [')[1])
    prim.release()           # wakes a
    tasks[0].cancel()        # a leaves before running: b goes next
    tasks[2].cancel()        # c is cancelled while still waiting
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log, repr(prim).split(' [')[1])


async def main():
    await run(asyncio.Lock())
    await run(asyncio.Semaphore(1))
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        async with lock:
            raise KeyError('inside')
    except KeyError as e:
        print('KeyError', e, lock.locked())
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print('held', sem.locked(), repr(sem).split(' [')[1])
    try:
        sem.release()
    except ValueError as e:
        print('ValueError', e)


asyncio.run(main())
