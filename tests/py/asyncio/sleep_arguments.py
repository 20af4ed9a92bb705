# asyncio.sleep called with wrong arguments: its TypeErrors are a Python function's (CPython's
# sleep is `async def sleep(delay, result=None)`), not a built-in's; a delay that is no number
# raises only when the coroutine starts, as `if delay <= 0:` is its first line.
import asyncio


def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__)
    except BaseException as e:
        print(label, type(e).__name__, e)


attempt("none", lambda: asyncio.sleep())
attempt("three", lambda: asyncio.sleep(1, 2, 3))
attempt("four", lambda: asyncio.sleep(1, 2, 3, 4))
attempt("unknown keyword", lambda: asyncio.sleep(1, x=3))
attempt("unknown keyword and too many", lambda: asyncio.sleep(1, 2, 3, x=3))
attempt("only result", lambda: asyncio.sleep(result=4))
attempt("twice", lambda: asyncio.sleep(1, delay=3))
attempt("result twice", lambda: asyncio.sleep(1, 2, result=3))
attempt("empty star", lambda: asyncio.sleep(*[]))
attempt("star star", lambda: asyncio.sleep(**{"a": 1, "b": 2}))
attempt("by name", lambda: asyncio.sleep(delay=0, result=4).send(None))

for bad in ["x", None, [1]]:
    s = asyncio.sleep(bad)
    print("made", type(s).__name__)
    attempt("started", lambda: s.send(None))
    attempt("after", lambda: s.send(None))


class Small:
    def __le__(self, other):
        print("  __le__", other)
        return True


s = asyncio.sleep(Small(), "small")
print("made")
attempt("started", lambda: s.send(None))


async def main():
    for bad in ["x", None, [1]]:
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print("await", e)
        s = asyncio.sleep(bad)
        try:
            await s
        except TypeError as e:
            print("await made", e)
    for args, kwargs in [((), {}), ((0, 1, 2), {}), ((0,), {"x": 1}), ((0,), {"delay": 1})]:
        try:
            await asyncio.sleep(*args, **kwargs)
        except TypeError as e:
            print("await", e)
    try:
        await asyncio.sleep()
    except TypeError as e:
        print("await", e)
    try:
        await asyncio.sleep(0, 1, 2)
    except TypeError as e:
        print("await", e)
    t = asyncio.create_task(asyncio.sleep("x"))
    try:
        await t
    except TypeError as e:
        print("task", e)
    print(await asyncio.sleep(Small(), "small"))
    print(await asyncio.sleep(False, "bool"), await asyncio.sleep(delay=0.0005, result="kw"))


asyncio.run(main())
