# What a waiting task shows and how it resumes after the Task layout packs its step value into
# `result` and its sleep timer's number into fut_waiter: repr's wait_for while sleeping, parked
# on an Event or awaiting a future; a sleep cancelled and started again is not woken by its old
# timer; a done task keeps its result however often it was woken.
import asyncio


def waiting_for(task):
    r = repr(task)
    return r[r.index("wait_for="):] if "wait_for=" in r else "-"


async def main():
    log = []

    async def sleeper():
        try:
            await asyncio.sleep(0.05)
        except asyncio.CancelledError:
            log.append("cancelled in the long sleep")
        await asyncio.sleep(0.1)
        log.append("second sleep over")
        return "slept"

    async def marker():
        await asyncio.sleep(0.08)
        log.append("marker at 0.08")

    t = asyncio.create_task(sleeper())
    m = asyncio.create_task(marker())
    await asyncio.sleep(0)
    print("sleeping:", waiting_for(t))
    t.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("sleeping again:", waiting_for(t))
    print(await t, await m, log)
    print("done:", waiting_for(t), repr(t).split(" result=")[1])

    fut = asyncio.get_running_loop().create_future()

    async def on_future():
        return await fut

    f = asyncio.create_task(on_future())
    await asyncio.sleep(0)
    fut.set_result(42)
    print("future done:", waiting_for(f))
    print(await f, f.result(), await f)

    ev = asyncio.Event()
    e = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print("event:", waiting_for(e))
    ev.set()
    print(await e, e.result())


asyncio.run(main())
