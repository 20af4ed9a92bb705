# `async for` over async generators (eddy enters their frames inline and reuses the __anext__
# awaitables): items, awaits inside, the end, exceptions, the awaitable seen from outside, and
# the generator's state afterwards.
import asyncio


async def numbers(n, sleep_every=3):
    for i in range(n):
        if i % sleep_every == 0:
            await asyncio.sleep(0)
        yield i


async def squares(src):
    async for x in src:
        yield x * x


async def failing(n):
    for i in range(n):
        yield i
    raise ValueError("broke at %d" % n)


async def stop_inside():
    yield 1
    raise StopAsyncIteration


async def watcher(outer, out):
    await asyncio.sleep(0)
    out.append(outer.cr_await)


async def collect(agen):
    return [x async for x in agen]


async def collect_loop(agen):
    items = []
    async for x in agen:
        items.append(x)
    return items


async def main():
    print(await collect(squares(numbers(10))))
    total = 0
    async for v in squares(squares(numbers(7, 2))):
        total += v
    print("total", total)

    agen = failing(3)
    got = []
    try:
        async for v in agen:
            got.append(v)
    except ValueError as e:
        print("ValueError", e, got)
    print("after failure", agen.ag_running, agen.ag_frame)
    try:
        await agen.__anext__()
    except BaseException as e:
        print(type(e).__name__, e)

    agen = stop_inside()
    try:
        async for v in agen:
            print("item", v)
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__)
    try:
        await agen.__anext__()
    except BaseException as e:
        print(type(e).__name__, e)

    # The awaitable a coroutine waits on, handed out through cr_await, stays what it was.
    out = []
    for collector in (collect, collect_loop):
        outer = collector(numbers(4, 1))
        task = asyncio.ensure_future(outer)
        await watcher(outer, out)
        print(await task)
        op = out[-1]
        print(type(op).__name__)
        async for v in numbers(40):
            pass
        try:
            op.send(None)
        except RuntimeError as e:
            print("RuntimeError", e)

    # Driving __anext__ by hand between loop items.
    agen = numbers(5, 100)
    async for v in agen:
        if v == 1:
            print("by hand", await agen.__anext__())
        print("loop", v)

    # break leaves the generator suspended; aclose finishes it.
    agen = numbers(10)
    async for v in agen:
        if v == 4:
            break
    print("suspended", agen.ag_frame is not None)
    await agen.aclose()
    print("closed", agen.ag_frame)


asyncio.run(main())
