# asyncio.wait, as_completed and shield: argument errors, futures already done, plain futures
# completed by callbacks, cancellation of the waiter, and shield's one-way protection.
import asyncio


async def value_after(rounds, value, exc=None):
    for _ in range(rounds):
        await asyncio.sleep(0)
    if exc is not None:
        raise exc
    return value


async def wait_cases():
    loop = asyncio.get_running_loop()
    done_fut = loop.create_future()
    done_fut.set_result("early")
    slow = asyncio.create_task(value_after(5, "slow"))
    done, pending = await asyncio.wait([done_fut, slow], return_when=asyncio.FIRST_COMPLETED)
    print("already done counts at once:", done == {done_fut}, pending == {slow})

    plain = loop.create_future()
    loop.call_soon(plain.set_exception, ValueError("by callback"))
    done, pending = await asyncio.wait({plain, slow}, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", [repr(f.exception()) for f in done], len(pending))
    done, pending = await asyncio.wait([slow, slow])
    print("duplicates collapse:", len(done), slow.result())

    for bad in ([], [plain], "coro", "task"):
        try:
            if bad == "coro":
                coro = value_after(0, 0)
                try:
                    await asyncio.wait([coro])
                finally:
                    coro.close()
            elif bad == "task":
                await asyncio.wait(slow)
            elif bad:
                await asyncio.wait(bad, return_when="SOMETIMES")
            else:
                await asyncio.wait(bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)

    # Cancelling the task that waits leaves the awaited tasks running.
    t = asyncio.create_task(value_after(3, "survivor"))
    waiter = asyncio.create_task(asyncio.wait([t]))
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    print("waiter cancelled:", waiter.cancelled(), "awaited task:", await t)


async def as_completed_cases():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_soon(f.set_result, "future")
    sources = [value_after(3, "coro"), f, asyncio.create_task(value_after(1, "task"))]
    print([await c for c in asyncio.as_completed(sources)])
    it = asyncio.as_completed(asyncio.create_task(value_after(0, 0)))
    try:
        next(it)
    except TypeError as e:
        print("TypeError:", e)
    print("empty:", list(asyncio.as_completed([])))


async def shield_cases():
    log = []

    async def precious():
        await value_after(3, None)
        log.append("precious finished")
        return "kept"

    inner = asyncio.create_task(precious())
    outer = asyncio.shield(inner)

    async def caller():
        return await outer

    c = asyncio.create_task(caller())
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("caller cancelled; inner cancelled?", inner.cancelled())
    print("inner result:", await inner, log, "outer cancelled:", outer.cancelled())

    # Cancelling the inner task does reach the shield.
    inner = asyncio.create_task(value_after(5, None))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("inner cancelled -> outer cancelled:", outer.cancelled())

    # Exceptions and results are passed on; a done future is returned as it is.
    try:
        await asyncio.shield(value_after(1, None, KeyError("k")))
    except KeyError as e:
        print("exception through shield:", repr(e))
    done = asyncio.get_running_loop().create_future()
    done.set_result(1)
    print("done future returned as is:", asyncio.shield(done) is done)


async def main():
    await wait_cases()
    await as_completed_cases()
    await shield_cases()


asyncio.run(main())
