# asyncio.sleep(...) is a coroutine as CPython's `async def sleep` makes one: its __await__()
# gave the sleep object itself, which `yield from` in a plain generator could not iterate. Here:
# the coroutine_wrapper under `yield from` driven by a task and by hand, send/throw/close on the
# coroutine in each state, reuse after it finished, and awaiting one already being awaited.
import asyncio


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r if r is None or isinstance(r, (int, str, tuple)) else type(r).__name__)
    except StopIteration as e:
        print(label, "StopIteration", e.args)
    except BaseException as e:
        print(label, type(e).__name__, e)


s = asyncio.sleep(0)
print(type(s).__name__, asyncio.iscoroutine(s), asyncio.sleep(0) is asyncio.sleep(0))
w = s.__await__()
print(type(w).__name__, iter(w) is w, w is s.__await__(), asyncio.iscoroutine(w))
s.close()

print("-- by hand")
s = asyncio.sleep(0, "r")
attempt("send non-None", lambda: s.send(1))
attempt("send", lambda: s.send(None))
attempt("send again", lambda: s.send("anything"))
attempt("reuse", lambda: s.send(None))
attempt("throw when done", lambda: s.throw(KeyError("k")))
attempt("close when done", lambda: s.close())

s = asyncio.sleep(1, "no loop")
attempt("delay without a loop", lambda: s.send(None))
attempt("after that", lambda: s.send(None))

s = asyncio.sleep(0)
attempt("throw at start", lambda: s.throw(ValueError("v")))
attempt("then", lambda: s.send(None))

s = asyncio.sleep(0)
attempt("start", lambda: s.send(None))
attempt("throw a class", lambda: s.throw(ValueError))
attempt("then", lambda: s.send(None))

s = asyncio.sleep(0)
attempt("start", lambda: s.send(None))
attempt("close", lambda: s.close())
attempt("then", lambda: s.send(None))
s = asyncio.sleep(0)
attempt("close unstarted", lambda: s.close())
attempt("then", lambda: s.send(None))

print("-- its wrapper")
w = asyncio.sleep(0, "q").__await__()
attempt("next", lambda: next(w))
attempt("send", lambda: w.send(None))
attempt("send again", lambda: w.send(None))
w = asyncio.sleep(0, "q").__await__()
attempt("send", lambda: w.send(None))
attempt("throw", lambda: w.throw(TypeError("t")))
attempt("close", lambda: w.close())


def gen(delay, result):
    r = yield from asyncio.sleep(delay, result).__await__()
    print("  gen got", r)
    return r


print("-- yield from, by hand")
for x in gen(0, "for"):
    print("  for yields", x)
g = gen(0, "send")
attempt("send", lambda: g.send(None))
attempt("send", lambda: g.send(None))


async def main():
    print("-- yield from, in tasks")
    print(await asyncio.create_task(gen(0, "task")))
    print(await asyncio.ensure_future(gen(0.001, "timer")))
    print(await asyncio.gather(gen(0.002, "a"), gen(0, "b"), asyncio.sleep(0.001, "c")))
    print(await asyncio.wait_for(gen(0.001, "wait_for"), 5))

    print("-- a delay by hand in a running loop")
    it = asyncio.sleep(0.001, "w").__await__()
    f = it.send(None)
    print(type(f).__name__, f.done(), asyncio.isfuture(f))
    await asyncio.sleep(0.05)
    print(f.done(), f.result())
    attempt("send", lambda: it.send(None))
    it = asyncio.sleep(10).__await__()
    f = it.send(None)
    attempt("send while pending", lambda: it.send(None))
    print(f.cancelled(), f.done())
    s = asyncio.sleep(10)
    f = s.send(None)
    s.close()
    print("closed:", f.done(), f.cancelled())

    print("-- awaiting")
    s = asyncio.sleep(0, "once")
    print(await s)
    try:
        await s
    except RuntimeError as e:
        print("RuntimeError", e)
    s = asyncio.sleep(0.001, "z")
    t = asyncio.ensure_future(s)
    await asyncio.sleep(0)
    try:
        await s
    except RuntimeError as e:
        print("RuntimeError", e)
    print(await t)
    s = asyncio.sleep(0)
    s.send(None)
    try:
        await s
    except RuntimeError as e:
        print("RuntimeError", e)
    s.close()

    print("-- cancelled")
    s = asyncio.sleep(10)
    for t in (asyncio.create_task(gen(10, "never")), asyncio.ensure_future(s)):
        await asyncio.sleep(0)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print("cancelled", t.cancelled())
    attempt("the sleep after", lambda: s.send(None))


asyncio.run(main())
