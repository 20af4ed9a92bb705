# `await f(...)` of a coroutine function: what the awaited coroutine looks like from outside
# (cr_await from the awaiting coroutine), after it finished, and through many later awaits
# (eddy reuses coroutine objects nobody else saw; one handed out must stay as it was).
import asyncio
import sys

seen = []


async def leaf(x, *, scale=1):
    await asyncio.sleep(0)
    return x * scale


async def middle(x):
    return await leaf(x, scale=2) + 1


async def spy(outer):
    await asyncio.sleep(0)
    inner = outer.cr_await
    seen.append(inner)
    print("spy sees", type(inner).__name__, inner.__name__, inner.cr_running, inner.cr_frame is not None)


async def deep(n):
    if n == 0:
        return 0
    return await deep(n - 1) + 1


async def main():
    outer = middle(20)
    task = asyncio.ensure_future(outer)
    await spy(outer)
    print("middle ->", await task)
    inner = seen[0]
    for i in range(200):
        await deep(5)
    print("after", inner.__name__, inner.cr_frame, inner.cr_await, inner.cr_running)
    try:
        inner.send(None)
    except RuntimeError as e:
        print("send:", e)
    print("deep", await deep(30))


async def boom(n):
    if n == 0:
        raise ValueError("bottom")
    return await boom(n - 1)


async def run_boom():
    try:
        await boom(3)
    except ValueError as e:
        names = []
        tb = e.__traceback__
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(names)


async def bad_args():
    try:
        await leaf()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await leaf(1, 2)
    except TypeError as e:
        print("TypeError:", e)
    print(await leaf(3, scale=5), await leaf(x=4))


async def runaway(n):
    return await runaway(n + 1)


async def recursion():
    try:
        await runaway(0)
    except RecursionError as e:
        print("RecursionError:", e)


asyncio.run(main())
asyncio.run(run_boom())
asyncio.run(bad_args())
sys.setrecursionlimit(200)
asyncio.run(recursion())
