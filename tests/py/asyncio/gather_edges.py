# gather's edges, as tasks.gather and _GatheringFuture behave in CPython 3.11: coroutines and
# futures mixed, duplicate arguments, return_exceptions, cancelling the gather, a child
# cancelled, the empty gather, children that fail after the outer future is done, a child that
# swallows its cancel, a Future subclass as a child, bad arguments, and the order in which the
# done callbacks run among other ready callbacks.
import asyncio


async def val(x, delay=0):
    for _ in range(delay):
        await asyncio.sleep(0)
    return x


async def boom(msg, delay=0):
    for _ in range(delay):
        await asyncio.sleep(0)
    raise ValueError(msg)


async def mixed():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_soon(f.set_result, "from-future")
    t = asyncio.create_task(val("task", 2))
    print("mixed", await asyncio.gather(val(1), f, t, val(2, 1)))
    done = loop.create_future()
    done.set_result("already")
    print("done future", await asyncio.gather(done, val(3)))


async def duplicates():
    t = asyncio.create_task(val("t", 1))
    c = val("c")
    g = asyncio.gather(t, t, c, c, t)
    print("children", len(g._children), g._children[0] is g._children[1], g._children[2] is g._children[3])
    print("dups", await g)


async def exceptions():
    print("return_exceptions", await asyncio.gather(val(1), boom("a"), val(2), return_exceptions=True))
    try:
        await asyncio.gather(val(1), boom("first", 1), boom("second", 2))
    except ValueError as e:
        print("raised", e)
    # The later failure is retrieved by the callback: no "never retrieved" report.
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    g = asyncio.gather(boom("x"), val(5, 3))
    try:
        await g
    except ValueError as e:
        print("outer failed", e, g.done(), type(g.exception()).__name__)
    await asyncio.sleep(0)


async def cancel_gather():
    a = asyncio.create_task(val("a", 5))
    b = asyncio.create_task(val("b", 5))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    print("cancel", g.cancel("stop"), g._cancel_requested, g.done())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", e.args, a.cancelled(), b.cancelled())
    print("cancel again", g.cancel())

    # return_exceptions does not stop a requested cancel (issue 32684).
    c = asyncio.create_task(val("c", 5))
    g2 = asyncio.gather(c, return_exceptions=True)
    await asyncio.sleep(0)
    g2.cancel()
    try:
        print(await g2)
    except asyncio.CancelledError as e:
        print("g2 cancelled", type(e).__name__, g2.cancelled())

    # A task awaiting the gather is cancelled: the gather cancels its children.
    d = asyncio.create_task(val("d", 5))
    e = asyncio.create_task(val("e", 5))

    async def waiter():
        return await asyncio.gather(d, e)

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel("from waiter")
    try:
        await w
    except asyncio.CancelledError as exc:
        print("waiter cancelled", exc.args, d.cancelled(), e.cancelled())


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("swallowed")
    return "kept going"


async def child_swallows_cancel():
    t = asyncio.create_task(swallow())
    u = asyncio.create_task(val("u", 1))
    g = asyncio.gather(t, u)
    await asyncio.sleep(0)
    print("cancel returns", g.cancel())
    try:
        print("result", await g)
    except asyncio.CancelledError as e:
        print("cancelled anyway", e.args)


async def child_cancelled():
    a = asyncio.create_task(val("a", 3))
    b = asyncio.create_task(val("b", 3))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    a.cancel("child msg")
    try:
        await g
    except asyncio.CancelledError as e:
        print("child cancelled ->", e.args, g.cancelled(), b.done())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    c = asyncio.create_task(val("c", 3))
    d = asyncio.create_task(val("d", 1))
    await asyncio.sleep(0)
    c.cancel("why")
    r = await asyncio.gather(c, d, return_exceptions=True)
    print("with return_exceptions", [type(x).__name__ for x in r], r[0].args, r[1])
    e = asyncio.create_task(val("e", 3))
    await asyncio.sleep(0)
    e.cancel()
    r = await asyncio.gather(e, return_exceptions=True)
    print("no message", r[0].args)


async def empty():
    g = asyncio.gather()
    print("empty", type(g).__name__, g.done(), await g)
    g2 = asyncio.gather(return_exceptions=True)
    print("empty2", await g2)


class MyFuture(asyncio.Future):
    def result(self):
        print("MyFuture.result")
        return super().result()

    def add_done_callback(self, fn, *, context=None):
        print("MyFuture.add_done_callback", fn.__qualname__)
        super().add_done_callback(fn)


async def subclass_child():
    loop = asyncio.get_running_loop()
    f = MyFuture(loop=loop)
    loop.call_soon(f.set_result, 42)
    print("subclass", await asyncio.gather(f, val(1)))


class Awaitable:
    def __await__(self):
        yield
        return "awaitable"


async def bad_args():
    try:
        asyncio.gather(val(1), 42)
    except TypeError as e:
        print("TypeError", e)
    await asyncio.sleep(0)
    print("awaitable", await asyncio.gather(Awaitable(), val(2)))
    other = asyncio.new_event_loop()
    f = other.create_future()
    try:
        asyncio.gather(asyncio.get_running_loop().create_future(), f)
    except ValueError as e:
        print("ValueError", e)
    other.close()


async def order():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(val("x"))
    g = asyncio.gather(t)
    g.add_done_callback(lambda f: print("outer callback", f.result()))
    loop.call_soon(print, "queued before the task ran")
    await asyncio.sleep(0)
    print("after one step")
    await asyncio.sleep(0)
    print("after two steps", g.done())
    await asyncio.sleep(0)
    print("after three steps")


async def nested():
    inner = asyncio.gather(val(1), val(2, 2))
    outer = asyncio.gather(inner, val(3))
    await asyncio.sleep(0)
    print("nested cancel", outer.cancel(), inner._cancel_requested)
    try:
        await outer
    except asyncio.CancelledError:
        print("nested cancelled", inner.cancelled(), outer.cancelled())
    print("nested", await asyncio.gather(asyncio.gather(val("a"), val("b")), val("c")))


async def main():
    for step in (mixed, duplicates, exceptions, cancel_gather, child_swallows_cancel, child_cancelled, empty,
                 subclass_child, bad_args, order, nested):
        print("--", step.__name__)
        await step()


asyncio.run(main())
