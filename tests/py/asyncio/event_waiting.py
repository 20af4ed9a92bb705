# asyncio.Event's waiting, now native (a waiting task parks on its wait() without a future):
# cancellation at the await (with its message), a cancelled waiter not woken, set() then
# cancel() before the waiter resumes, waiter counts in the repr until each waiter resumes,
# wait() on a set event not suspending, wait() under wait_for/timeout, as a task's own
# coroutine, reuse of an awaited wait(), a subclass, the wrong-loop error, and a waiting task's
# coroutine closed by hand (the task still waits, and cancel() still wakes it).
import asyncio


def state(obj):
    return "[" + repr(obj).split(" [")[1][:-1]


def waiting_for(task):
    r = repr(task)
    return r[r.index("wait_for="):] if "wait_for=" in r else "-"


async def cancel_cases():
    ev = asyncio.Event()
    log = []

    async def waiter(name):
        try:
            log.append((name, await ev.wait()))
        except asyncio.CancelledError as e:
            log.append((name, "cancelled", e.args))
            raise

    tasks = [asyncio.create_task(waiter(n)) for n in "abcd"]
    await asyncio.sleep(0)
    print("waiting:", state(ev), waiting_for(tasks[0]))
    print("cancel b:", tasks[1].cancel("stop b"), tasks[1].cancel("again"))
    print("b waits for:", waiting_for(tasks[1]), state(ev))
    ev.set()
    print("after set:", state(ev), waiting_for(tasks[0]))
    # c was woken by set(); cancelling it before it runs still raises at its await.
    print("cancel c:", tasks[2].cancel())
    await asyncio.sleep(0)
    print("after one iteration:", state(ev))
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res])
    print(log)
    print("cancelled:", [t.cancelled() for t in tasks], state(ev))


async def set_event_cases():
    ev = asyncio.Event()
    ev.set()
    order = []

    async def quick():
        order.append("quick start")
        order.append(await ev.wait())
        order.append("quick end")

    async def other():
        order.append("other")

    t1 = asyncio.create_task(quick())
    t2 = asyncio.create_task(other())
    await asyncio.gather(t1, t2)
    print(order)
    ev.clear()
    print(ev.is_set(), state(ev))
    c = ev.wait()
    print(type(c).__name__, asyncio.iscoroutine(c), repr(c).split(" at ")[0])
    ev.set()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("reuse:", e)


async def timeout_cases():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out", state(ev))
    try:
        async with asyncio.timeout(0.01):
            await ev.wait()
    except TimeoutError:
        print("timeout() timed out", state(ev))

    async def setter():
        await asyncio.sleep(0.01)
        ev.set()

    s = asyncio.create_task(setter())
    print("wait_for in time:", await asyncio.wait_for(ev.wait(), 5))
    await s
    ev.clear()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(state(ev), t.get_coro() is not None)
    done, pending = await asyncio.wait([t], timeout=0.01)
    print(len(done), len(pending))
    ev.set()
    print("task of wait():", await t, state(ev))


async def self_cancel_cases():
    ev = asyncio.Event()

    async def cancels_itself():
        asyncio.current_task().cancel("self")
        try:
            await ev.wait()
        except asyncio.CancelledError as e:
            print("cancelled at once:", e.args, state(ev))
            raise

    t = asyncio.create_task(cancels_itself())
    await asyncio.sleep(0)
    print("state after:", state(ev))
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())

    async def swallows():
        for i in range(2):
            try:
                return await ev.wait()
            except asyncio.CancelledError:
                print("swallowed, cancelling:", asyncio.current_task().uncancel())
        return "gave up"

    t = asyncio.create_task(swallows())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("waits again:", state(ev))
    ev.set()
    print("swallows:", await t)


class Counting(asyncio.Event):
    def __init__(self):
        super().__init__()
        self.sets = 0

    def set(self):
        self.sets += 1
        super().set()


async def subclass_cases():
    ev = Counting()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    ev.set()
    print("subclass:", await t, ev.sets, ev.is_set(), isinstance(ev, asyncio.Event))


def wrong_loop():
    ev = asyncio.Event()

    async def first():
        t = asyncio.create_task(ev.wait())
        await asyncio.sleep(0)
        t.cancel()

    async def second():
        try:
            await ev.wait()
        except RuntimeError as e:
            print("second loop:", str(e).split(" at ")[0], str(e).split("]>")[1])

    asyncio.run(first())
    asyncio.run(second())


async def closed_by_hand():
    ev = asyncio.Event()

    async def waiter():
        try:
            await ev.wait()
        finally:
            print("finally ran")

    t = asyncio.create_task(waiter())
    t2 = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(state(ev))
    t.get_coro().close()
    print("closed:", state(ev))
    ev.set()
    await t2
    print(state(ev), t.done())
    print("cancel:", t.cancel())
    await asyncio.sleep(0)
    print(t.done(), t.cancelled(), repr(t.exception()))


async def main():
    await cancel_cases()
    await set_event_cases()
    await timeout_cases()
    await self_cancel_cases()
    await subclass_cases()
    await closed_by_hand()


asyncio.run(main())
wrong_loop()
