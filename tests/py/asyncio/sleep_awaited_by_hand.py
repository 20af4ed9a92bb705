# A coroutine that awaits asyncio.sleep(...), driven by hand (send/throw, or its __await__
# iterator) instead of by a task, yielded eddy's sleep object; CPython's sleep yields None for
# sleep(0) and the running loop's Future for sleep(d), and raises "no running event loop" at the
# await (where the coroutine can catch it) when there is none.
import asyncio


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r if r is None or isinstance(r, (int, str)) else type(r).__name__)
    except StopIteration as e:
        print(label, "StopIteration", e.args)
    except BaseException as e:
        print(label, type(e).__name__, e)


async def f(d, r):
    x = await asyncio.sleep(d, r)
    print("  f got", x)
    return x


async def twice():
    await asyncio.sleep(0)
    s = asyncio.sleep(0, "made")
    return await s


async def catches():
    try:
        await asyncio.sleep(1)
    except RuntimeError as e:
        print("  caught", e)
    await asyncio.sleep(0)
    return "caught"


async def outer():
    return await f(0, "inner")


c = f(0, "a")
attempt("send", lambda: c.send(None))
attempt("send", lambda: c.send(None))
w = f(0, "b").__await__()
attempt("next", lambda: next(w))
attempt("send", lambda: w.send(None))
c = twice()
for i in range(3):
    attempt("twice", lambda: c.send(None))
c = f(0, "thrown")
attempt("send", lambda: c.send(None))
attempt("throw", lambda: c.throw(ValueError("v")))
c = f(1, "no loop")
attempt("send", lambda: c.send(None))
c = catches()
attempt("send", lambda: c.send(None))
attempt("send", lambda: c.send(None))
c = outer()
attempt("send", lambda: c.send(None))
attempt("send", lambda: c.send(None))


async def main():
    c = f(0.001, "y")
    fut = c.send(None)
    print(type(fut).__name__, fut.done())
    await asyncio.sleep(0.05)
    print(fut.done())
    attempt("send", lambda: c.send(None))
    c = f(10, "z")
    fut = c.send(None)
    attempt("send while pending", lambda: c.send(None))
    print(await asyncio.create_task(f(0, "task")))


asyncio.run(main())
