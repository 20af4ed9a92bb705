# `await f(...)` of a coroutine without try/except/with runs it as an ordinary frame with no
# coroutine object until it first suspends (eddy makes the object then). Everything that could
# tell the difference: PEP 479 inside such a call, tracebacks through a chain of them, the
# handled exception of the awaiting frame, the object handed out after a suspension (cr_await,
# cr_running, cr_frame), driving the chain by hand (send, throw, close) and runaway recursion.
import asyncio
import sys


class Tick:
    # An awaitable that yields its label to whoever drives the outermost coroutine.
    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


async def stops():
    raise StopIteration(7)


async def calls_stops():
    return await stops()


async def leaf(n):
    if n == 0:
        raise KeyError("bottom")
    return n


async def chain(n):
    if n == 0:
        return await leaf(0)
    r = await chain(n - 1)
    return r + 1


async def reports(tag):
    before = sys.exc_info()[1]
    await asyncio.sleep(0)
    after = sys.exc_info()[1]
    print(tag, repr(before), repr(after))
    raise ValueError(tag)


async def handler():
    try:
        raise IndexError("outer")
    except IndexError:
        try:
            await reports("inside except")
        except ValueError as e:
            print("context", repr(e.__context__))
    print("done handler", sys.exc_info())


async def suspends_in_except():
    try:
        raise LookupError("inner")
    except LookupError:
        await asyncio.sleep(0)
        print("inner handles", repr(sys.exc_info()[1]))
    return sys.exc_info()[1]


async def plain_outer():
    # No try/except here: runs without an object, and its callee links its own level.
    r = await suspends_in_except()
    print("outer sees", repr(sys.exc_info()[1]), "got", repr(r))
    return r


async def waits(label):
    got = await Tick(label)
    return "waits got " + repr(got)


async def middle(label):
    r = await waits(label)
    return r + "!"


async def deep(n, k):
    if n == 0:
        if k % 3 == 0:
            await asyncio.sleep(0)
        return k
    return await deep(n - 1, k) + 1


async def recurse(n):
    return await recurse(n + 1)


async def main():
    try:
        await calls_stops()
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__), e.__suppress_context__)
    try:
        await chain(4)
    except KeyError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("traceback frames:", names)
    await handler()
    await plain_outer()
    try:
        await recurse(0)
    except RecursionError as e:
        print("RecursionError:", e)
    total = 0
    for i in range(300):
        total += await deep(i % 5, i)
    print("after recursion, total", total)


asyncio.run(main())

# By hand: the first send runs middle() and waits() without objects until Tick suspends them.
c = middle("first")
print("yielded", c.send(None))
inner = c.cr_await
print(type(inner).__name__, inner.__name__, inner.cr_running, inner.cr_frame is not None)
print("inner awaits", type(inner.cr_await).__name__)
try:
    c.send("value")
except StopIteration as e:
    print("returned", repr(e.value))
print("after return", inner.cr_frame, c.cr_await)

# throw() goes down to Tick's yield and comes back up through both frames.
c = middle("second")
c.send(None)
try:
    c.throw(OSError("thrown"))
except OSError as e:
    print("thrown back out:", repr(e))
print("closed?", c.cr_frame)

# close() ends both.
c = middle("third")
c.send(None)
inner = c.cr_await
c.close()
print("closed", c.cr_frame, inner.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
