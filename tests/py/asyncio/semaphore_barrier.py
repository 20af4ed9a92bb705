# asyncio.Semaphore, BoundedSemaphore and Barrier: FIFO grants, cancelled waiters giving their
# unit back, locked() with cancelled waiters, argument errors, barrier rounds, abort and reset.
import asyncio


def state(obj):
    # The repr without the object's address: "[unlocked, value:2]", ...
    return "[" + repr(obj).split(" [")[1][:-1]


async def semaphore_cases():
    sem = asyncio.Semaphore(2)
    log = []

    async def job(name, rounds):
        async with sem:
            log.append(f"{name}+")
            for _ in range(rounds):
                await asyncio.sleep(0)
            log.append(f"{name}-")

    print(state(sem))
    await asyncio.gather(*(job(n, r) for n, r in zip("abcde", (3, 1, 2, 1, 1))))
    print(" ".join(log), state(sem))

    # A waiter woken by release() but cancelled before it runs hands its unit to the next.
    await sem.acquire()
    await sem.acquire()
    w1 = asyncio.create_task(sem.acquire())
    w2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print("two waiting:", state(sem))
    sem.release()
    w1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("w1 cancelled:", w1.cancelled(), "w2 got it:", w2.done() and w2.result(), state(sem))
    sem.release()
    sem.release()
    print("back to:", state(sem))

    # locked() ignores waiters that were cancelled.
    s = asyncio.Semaphore(0)
    w = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.sleep(0)
    s.release()
    print("locked with only a cancelled waiter:", s.locked(), state(s))


async def bounded_and_errors():
    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    print("Semaphore(0) locked:", asyncio.Semaphore(0).locked())


async def barrier_cases():
    barrier = asyncio.Barrier(3)
    print(state(barrier), barrier.parties, barrier.n_waiting, barrier.broken)
    log = []

    async def party(name):
        index = await barrier.wait()
        log.append((name, index))

    tasks = [asyncio.create_task(party(n)) for n in "xyz"]
    await asyncio.sleep(0)
    print("all three arrived:", state(barrier))
    await asyncio.gather(*tasks)
    print(sorted(log), state(barrier))

    waiter = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    await barrier.abort()
    try:
        await waiter
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e, barrier.broken, state(barrier))
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e)
    await barrier.reset()
    print("after reset:", state(barrier))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


async def main():
    await semaphore_cases()
    await bounded_and_errors()
    await barrier_cases()


asyncio.run(main())
