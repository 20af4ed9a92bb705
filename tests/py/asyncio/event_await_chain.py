# `await ev.wait()` written as such parks its task with no wait object of its own (the event's
# shared token, the wait state in the task). What must not change with that: waiting through
# nested coroutines and an async generator, cr_await showing a wait() coroutine (the same one
# each time) in the middle of the wait, a parked coroutine sent to, thrown into or closed by
# hand from another task, cancellation and timeouts of a wait nested in other coroutines, one
# task waiting on two events in turn, and a deep await chain.
import asyncio


def state(obj):
    return "[" + repr(obj).split(" [")[1][:-1]


def waiting_for(task):
    r = repr(task)
    return r[r.index("wait_for="):] if "wait_for=" in r else "-"


async def inner(ev, tag):
    got = await ev.wait()
    return (tag, got)


async def outer(ev, tag):
    return await inner(ev, tag)


async def nested_cases():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(outer(ev, i)) for i in range(3)]
    await asyncio.sleep(0)
    print("nested:", state(ev), waiting_for(tasks[0]))
    ev.set()
    print("after set:", state(ev), waiting_for(tasks[1]))
    print(await asyncio.gather(*tasks), state(ev))

    ev2 = asyncio.Event()

    async def agen():
        for i in range(3):
            await ev2.wait()
            yield i
            ev2.clear()

    async def consume():
        return [x async for x in agen()]

    t = asyncio.create_task(consume())
    for _ in range(3):
        await asyncio.sleep(0)
        print("agen waits:", state(ev2), waiting_for(t))
        ev2.set()
        await asyncio.sleep(0)
    print("agen:", await t)


async def cr_await_cases():
    ev = asyncio.Event()
    t = asyncio.create_task(outer(ev, "x"))
    await asyncio.sleep(0)
    co = t.get_coro()
    mid = co.cr_await
    print(type(mid).__name__, mid.cr_code.co_name, co.cr_await is mid)
    w = mid.cr_await
    print(repr(w).split(" at ")[0], asyncio.iscoroutine(w), mid.cr_await is w)
    print(state(ev), waiting_for(t))
    ev.set()
    print(waiting_for(t))
    print(await t, state(ev))

    ev.clear()
    t = asyncio.create_task(inner(ev, "y"))
    await asyncio.sleep(0)
    w = t.get_coro().cr_await
    t.cancel("look")
    print(waiting_for(t), t.get_coro().cr_await is w)
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args, state(ev))


async def by_hand_cases():
    ev = asyncio.Event()
    t = asyncio.create_task(inner(ev, "sent"))
    await asyncio.sleep(0)
    r = t.get_coro().send(None)
    print("sent by hand:", r is not None, state(ev), waiting_for(t))
    ev.set()
    print(await t, state(ev))

    ev.clear()
    log = []

    async def catcher():
        try:
            await ev.wait()
        except ValueError as e:
            log.append(("caught", e.args))
            return "after throw"

    t = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    try:
        t.get_coro().throw(ValueError("by hand"))
    except StopIteration as e:
        print("throw ended it:", e.value, log, state(ev))
    print("task still waits:", t.done(), waiting_for(t))
    t.cancel()
    await asyncio.sleep(0)
    print(t.done(), t.cancelled(), repr(t.exception()))

    ev.clear()
    t = asyncio.create_task(outer(ev, "closed"))
    await asyncio.sleep(0)
    t.get_coro().close()
    print("closed:", state(ev), t.done())
    t.cancel()
    await asyncio.sleep(0)
    print(t.done(), t.cancelled(), repr(t.exception()))


async def cancel_cases():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(outer(ev, "late"), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out:", state(ev))
    try:
        async with asyncio.timeout(0.01):
            await outer(ev, "late")
    except TimeoutError:
        print("timeout() timed out:", state(ev))

    log = []

    async def stubborn():
        while True:
            try:
                return await inner(ev, "stubborn")
            except asyncio.CancelledError:
                log.append(asyncio.current_task().uncancel())

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("waits again:", state(ev), waiting_for(t), log)
    ev.set()
    t.cancel("woken then cancelled")
    print(waiting_for(t))
    await asyncio.sleep(0)
    print(state(ev), log, t.done())
    ev.clear()
    await asyncio.sleep(0)
    ev.set()
    print(await t)


async def two_events():
    a, b = asyncio.Event(), asyncio.Event()
    order = []

    async def waiter(name):
        order.append((name, await a.wait()))
        order.append((name, await b.wait()))
        order.append((name, await a.wait()))

    ts = [asyncio.create_task(waiter(n)) for n in "pq"]
    await asyncio.sleep(0)
    print(state(a), state(b))
    a.set()
    await asyncio.sleep(0)
    print(state(a), state(b), order)
    b.set()
    await asyncio.gather(*ts)
    print(order, state(a), state(b))


async def deep(ev, n):
    if n == 0:
        return await ev.wait()
    return await deep(ev, n - 1)


async def deep_cases():
    ev = asyncio.Event()
    t = asyncio.create_task(deep(ev, 60))
    await asyncio.sleep(0)
    print("deep:", state(ev))
    ev.set()
    print(await t, state(ev))


async def main():
    await nested_cases()
    await cr_await_cases()
    await by_hand_cases()
    await cancel_cases()
    await two_events()
    await deep_cases()


asyncio.run(main())
