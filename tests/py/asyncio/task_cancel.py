# Task cancellation: messages, cancelling()/uncancel(), cancel before the first step, cancel of a
# task awaiting another task (propagates), cancel during a sleep, a cancelled await of a future.
import asyncio


async def sleeper(d):
    await asyncio.sleep(d)
    return "slept"


async def main():
    t = asyncio.create_task(sleeper(10))
    await asyncio.sleep(0)
    print(t.cancel("stop now"), t.cancelling(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    print(t.cancelled(), t.done(), t.cancel())

    inner = asyncio.create_task(sleeper(10))
    async def outer():
        return await inner
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled; inner:", inner.cancelled())

    fresh = asyncio.create_task(sleeper(0))
    fresh.cancel("early")
    try:
        await fresh
    except asyncio.CancelledError as e:
        print("fresh", e.args, fresh.cancelled())

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def wait_fut():
        try:
            await fut
        except asyncio.CancelledError:
            print("waiter saw cancel; fut cancelled:", fut.cancelled())
            return "recovered"
    w = asyncio.create_task(wait_fut())
    await asyncio.sleep(0)
    w.cancel()
    print(await w, w.cancelled(), w.cancelling(), w.uncancel(), w.cancelling())

    async def swallow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            pass
        await asyncio.sleep(0)
        return "kept going"
    s = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    s.cancel()
    print(await s)


asyncio.run(main())
