# A coroutine that awaits asyncio.sleep, reached from a plain generator through
# `yield from coro.__await__()` and driven by hand (send, next, list()): each resumption gets
# what CPython's sleep coroutine yields (None for sleep(0)), and the chain finishes; so does a
# `for` loop over such a generator.
import asyncio


async def inner(tag):
    await asyncio.sleep(0, tag)
    return tag + "!"


def outer(tag):
    return (yield from inner(tag).__await__())


it = outer("send")
print(it.send(None))
try:
    it.send(None)
except StopIteration as e:
    print("returned", e.value)

it = outer("next")
print(next(it))
try:
    next(it)
except StopIteration:
    print("exhausted")

print(list(outer("list")))


def two_levels():
    a = yield from outer("a")
    b = yield from outer("b")
    return a + b


g = two_levels()
print([g.send(None), g.send(None)])
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)


for v in outer("for"):
    print("for got", v)


async def later():
    try:
        await asyncio.sleep(0.01)
    except RuntimeError as e:
        print("inner caught:", e)
        return "handled"


def via_later():
    return (yield from later().__await__())


print([v for v in via_later()])
for v in via_later():
    print("never", v)
print("for over via_later ended")
