# `async for` resumes a suspended async generator straight from GET_ANEXT, and a generator
# resumed at `yield v` used as a statement skips the POP_TOP of what it was sent (eddy's fast
# paths). The cases those paths must leave as they were: a generator already running in another
# task, values sent by hand, tracebacks from inside, recursion, and asend/athrow between items.
import asyncio
import sys


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def consume(name, agen, out):
    try:
        async for v in agen:
            out.append((name, v))
    except RuntimeError as e:
        out.append((name, "RuntimeError: " + str(e)))


async def echo():
    got = []
    while True:
        x = yield len(got)
        got.append(x)
        yield got[:]   # a statement: whatever asend() passes here is dropped


def plain():
    yield 1        # a statement
    x = yield 2
    yield x


async def deep_fail(n):
    yield n
    if n == 0:
        raise KeyError("bottom")
    async for v in deep_fail(n - 1):
        yield v


async def nest(n):
    yield n
    if n:
        async for v in nest(n - 1):
            yield v


async def mixed():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    yield 3


async def main():
    shared = ticker(4)
    out = []
    await asyncio.gather(consume("a", shared, out), consume("b", shared, out))
    print(out)

    agen = echo()
    print(await agen.asend(None))
    print(await agen.asend("x"))
    print(await agen.asend("dropped"))
    print(await agen.asend("y"))
    print(await agen.asend("dropped too"))
    g = plain()
    print(next(g), g.send("ignored"), g.send("kept"))

    try:
        async for v in deep_fail(3):
            print("item", v)
    except KeyError as e:
        names = []
        tb = e.__traceback__
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("KeyError", e, names)

    sys.setrecursionlimit(120)
    try:
        count = 0
        async for v in nest(200):
            count += 1
        print("count", count)
    except RecursionError as e:
        print("RecursionError", e)
    sys.setrecursionlimit(1000)

    agen = mixed()
    async for v in agen:
        print("first", v)
        break
    print(await agen.athrow(ValueError("boom")))
    async for v in agen:
        print("rest", v)


asyncio.run(main())
