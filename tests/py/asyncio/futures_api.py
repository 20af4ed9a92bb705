# Future and Task API details: reprs, names, get_coro, callbacks (removal, order, on a done
# future), exceptions of set_result on a task, bad awaits, isfuture/iscoroutine.
import asyncio


async def work(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done(), f.cancelled(), f.get_loop() is loop)
    seen = []
    def cb1(fut):
        seen.append("cb1")
    def cb2(fut):
        seen.append("cb2")
    f.add_done_callback(cb1)
    f.add_done_callback(cb2)
    f.add_done_callback(cb1)
    print("removed", f.remove_done_callback(cb1))
    f.set_result("r")
    print(repr(f))
    await asyncio.sleep(0)
    print(seen)
    e = loop.create_future()
    e.set_exception(KeyError("k"))
    print(repr(e), repr(e.exception()))
    try:
        e.set_exception(StopIteration)
    except Exception as x:
        print(type(x).__name__, x)
    g = loop.create_future()
    try:
        g.set_exception(StopIteration)
    except TypeError as x:
        print("TypeError:", x)
    g.cancel()

    c = work(4)
    t = asyncio.create_task(c, name="worker")
    print(t.get_name(), t.get_coro() is c, asyncio.isfuture(t), asyncio.iscoroutine(c))
    t.set_name(42)
    print(repr(t.get_name()), await t, repr(t).startswith("<Task finished name='42' coro=<work()"))
    for meth in (t.set_result, t.set_exception):
        try:
            meth(1)
        except RuntimeError as x:
            print(x)
    u = asyncio.create_task(work(1))
    print(repr(u).startswith("<Task pending name='Task-"), asyncio.current_task() is not u)
    print(await u)
    try:
        await asyncio.create_task(work("s"))
    except Exception as x:
        print("never")
    print(await asyncio.gather(), await asyncio.gather(work(1), work(2), return_exceptions=True))

    async def fails():
        raise ValueError("bad")
    print(await asyncio.gather(fails(), work(3), return_exceptions=True))
    try:
        await asyncio.gather(fails(), work(3))
    except ValueError as x:
        print("gather raised", x)
    try:
        print(await asyncio.wait_for(work(5), 1))
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError:
        print("wait_for timed out", asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
