# A coroutine that awaits asyncio.sleep, reached from a plain generator through
# `yield from coro.__await__()` and driven by hand (send, next, list()): each resumption gets
# what CPython's sleep coroutine yields (None for sleep(0)), and the chain finishes.
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
