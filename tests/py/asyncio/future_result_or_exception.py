# A done future keeps its result or its exception in one field, with a flag saying which: a
# result that is itself an exception object must stay a result, and a task's last step value
# must not show through as either (checks result(), exception(), repr and done callbacks).
import asyncio


async def returns_exc():
    await asyncio.sleep(0)
    return ValueError("returned, not raised")


async def raises():
    await asyncio.sleep(0)
    raise KeyError("raised")


async def cancelled_after_step():
    await asyncio.sleep(0, "step value")
    await asyncio.sleep(10)


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(RuntimeError("a result"))
    print(repr(f))
    print(type(f.result()).__name__, f.result(), f.exception())

    g = loop.create_future()
    g.set_exception(RuntimeError("an exception"))
    print(repr(g))
    print(repr(g.exception()))
    try:
        g.result()
    except RuntimeError as e:
        print("raised", e)

    n = loop.create_future()
    n.set_result(None)
    print(repr(n), n.exception())

    t1 = asyncio.create_task(returns_exc())
    t2 = asyncio.create_task(raises())
    t3 = asyncio.create_task(cancelled_after_step())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t3.cancel()
    r = await asyncio.gather(t1, t2, t3, return_exceptions=True)
    print([type(x).__name__ for x in r])
    print(repr(t1.result()), t1.exception())
    print(repr(t2.exception()))
    print(t3.cancelled())
    try:
        t3.exception()
    except asyncio.CancelledError:
        print("t3 exception() raises CancelledError")

    # A callback sees the finished state as the future's consumers do.
    h = loop.create_future()
    h.add_done_callback(lambda fut: print("callback", fut.exception()))
    h.set_exception(OSError(5, "io"))
    await asyncio.sleep(0)


asyncio.run(main())
