# asyncio.Event and asyncio.Condition: wake-up order, cancellation while waiting, notify(n),
# wait_for's return value, a Condition over a shared Lock, and the RuntimeError messages.
import asyncio


def state(obj):
    # The repr without the object's address: "[unset, waiters:2]", ...
    return "[" + repr(obj).split(" [")[1][:-1]


async def event_cases():
    ev = asyncio.Event()
    log = []

    async def waiter(name):
        try:
            log.append((name, await ev.wait()))
        except asyncio.CancelledError:
            log.append((name, "cancelled"))
            raise

    tasks = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep(0)
    print(state(ev))
    tasks[1].cancel()
    await asyncio.sleep(0)
    print("after cancelling b:", state(ev))
    ev.set()
    ev.set()
    ev.clear()
    # Waiters woken by set() still return True even though the flag is clear again.
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log, state(ev))


async def condition_cases():
    cond = asyncio.Condition()
    log = []

    async def waiter(name):
        async with cond:
            try:
                result = await cond.wait()
                log.append(f"{name} woke with {result}, locked: {cond.locked()}")
            except asyncio.CancelledError:
                log.append(f"{name} cancelled, locked: {cond.locked()}")
                raise

    tasks = [asyncio.create_task(waiter(n)) for n in "abcd"]
    await asyncio.sleep(0)
    print(state(cond))
    async with cond:
        cond.notify(2)
        print("notified 2 while holding:", state(cond))
    await asyncio.sleep(0)
    tasks[2].cancel()
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("\n".join(log))
    print("cancelled:", [t.cancelled() for t in tasks])

    async with cond:
        value = await cond.wait_for(lambda: "ready")
    print("wait_for returns the predicate's value:", value)


async def shared_lock():
    lock = asyncio.Lock()
    c1 = asyncio.Condition(lock)
    c2 = asyncio.Condition(lock)
    async with c1:
        print("both see the lock:", c1.locked(), c2.locked(), lock.locked())
    print("released:", c2.locked())


async def errors():
    cond = asyncio.Condition()
    for call in (lambda: cond.notify(), lambda: cond.notify_all()):
        try:
            call()
        except RuntimeError as e:
            print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


async def main():
    await event_cases()
    await condition_cases()
    await shared_lock()
    await errors()


asyncio.run(main())
