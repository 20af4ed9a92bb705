# A future's done callbacks are queued without handles: they must still run in registration
# order, interleaved with call_soon handles and task wake-ups exactly as CPython's Handles are,
# with the future as their one argument, whatever kind of callable they are.
import asyncio
import functools


class Callable:
    def __init__(self, name):
        self.name = name

    def __call__(self, fut):
        print("callable", self.name, fut.result())


def plain(tag, fut):
    print("partial", tag, fut.result())


async def waiter(fut):
    print("waiter woke", await fut)


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    t = asyncio.create_task(waiter(f))
    await asyncio.sleep(0)
    f.add_done_callback(Callable("a"))
    f.add_done_callback(functools.partial(plain, "p"))
    f.add_done_callback(print)
    removed = lambda fut: print("never")
    f.add_done_callback(removed)
    print("removed", f.remove_done_callback(removed))
    loop.call_soon(print, "handle before set_result")
    f.set_result(1)
    loop.call_soon(print, "handle after set_result")
    f.add_done_callback(Callable("late"))
    print("set")
    await asyncio.sleep(0)
    print("one iteration")
    await t

    g = loop.create_future()
    g.add_done_callback(lambda fut: loop.call_soon(print, "scheduled by a callback"))
    g.add_done_callback(lambda fut: print("second callback", fut.cancelled()))
    g.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
