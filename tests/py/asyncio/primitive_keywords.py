# Queue, Lock and Semaphore methods take their arguments by keyword too, as CPython's do.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=4)
    for i in range(3):
        await q.put(item=i)
    q.put_nowait(item=3)
    print([q.get_nowait() for _ in range(4)])
    lock = asyncio.Lock()
    await lock.acquire()
    await lock.__aexit__(exc_type=None, exc=None, tb=None)
    print(lock.locked())
    sem = asyncio.Semaphore(value=2)
    async with sem:
        print(sem.locked(), sem._value)
    try:
        await q.put()
    except TypeError:
        print("put() without an item: TypeError")


asyncio.run(main())
