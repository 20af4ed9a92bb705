# `await f(...)` runs the new coroutine in a frame on the VM's data stack until it first
# suspends, when the frame moves to the heap. What a frame holds at that moment (locals, a half
# evaluated expression on its value stack, the exception being handled, a pending finally) must
# survive the move, at every level of a chain and through many calls that never suspend.
import asyncio
import sys


async def leaf(x):
    await asyncio.sleep(0)
    return x


async def stack_values(n):
    # 100 and the list under construction sit on the value stack while leaf() suspends.
    if n == 0:
        return [100, await leaf(1), 2]
    a = n * 10
    return [a, *(await stack_values(n - 1)), a + 1, await leaf(n)]


async def handled(n):
    try:
        raise KeyError(n)
    except KeyError as e:
        await leaf(0)
        print("handling", repr(e), sys.exc_info()[1] is e)
        if n:
            await handled(n - 1)
        print("still handling", repr(e), sys.exc_info()[1] is e)
    print("after", repr(sys.exc_info()[1]))


async def finally_after_suspend(log):
    try:
        await leaf(0)
        raise ValueError("inner")
    finally:
        log.append("finally")


async def no_suspend(n):
    if n == 0:
        return 1
    return await no_suspend(n - 1) + 1


async def sometimes(n, k):
    if n == 0:
        if k % 3 == 0:
            await asyncio.sleep(0)
        return k
    return await sometimes(n - 1, k) + 0


async def raise_late(n):
    if n == 0:
        await asyncio.sleep(0)
        raise RuntimeError("late")
    return await raise_late(n - 1)


async def watcher(peer):
    await asyncio.sleep(0)
    print("peer running:", peer.cr_running, "awaiting:", type(peer.cr_await).__name__)
    frame = peer.cr_frame
    print("peer frame:", frame.f_code.co_name, frame.f_lineno > 0)


async def slow_chain(n):
    if n == 0:
        for _ in range(3):
            await asyncio.sleep(0)
        return "bottom"
    return await slow_chain(n - 1)


async def main():
    print(await stack_values(3))
    await handled(2)
    log = []
    try:
        await finally_after_suspend(log)
    except ValueError as e:
        print("caught", e, log)
    print(await no_suspend(100))
    total = 0
    for k in range(300):
        total += await sometimes(8, k)
    print("total", total)
    try:
        await raise_late(4)
    except RuntimeError as e:
        names = []
        tb = e.__traceback__
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(e, names)
    chain = slow_chain(5)
    task = asyncio.ensure_future(chain)
    await watcher(chain)
    print(await task)
    # Many tasks suspended at depth at once, resumed in turn.
    results = await asyncio.gather(*[sometimes(6, k * 3) for k in range(50)])
    print(sum(results))


asyncio.run(main())
