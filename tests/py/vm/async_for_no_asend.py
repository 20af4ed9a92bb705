# `async for` over an async generator enters it for the next item with no asend object (eddy
# makes one only when the generator suspends in an await). What could tell: the awaiting
# coroutine's cr_await while the generator is suspended mid-item, throw/close by hand then,
# exceptions and StopAsyncIteration from inside, the generator already running, and nesting.
import asyncio


class Tick:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        return (yield self.label)


async def slow(n):
    for i in range(n):
        got = await Tick(i)
        yield (i, got)


async def consume(agen):
    out = []
    async for item in agen:
        out.append(item)
    return out


async def raises_inside():
    yield 1
    raise KeyError("inside")


async def raises_stop():
    yield 1
    raise StopAsyncIteration


async def nested(n):
    yield n
    if n:
        async for v in nested(n - 1):
            yield v * 10


async def reenter(agen_box):
    yield 1
    try:
        await agen_box[0].__anext__()
    except RuntimeError as e:
        print("inner anext:", e)
    yield 2


async def main():
    for agen in (raises_inside(), raises_stop()):
        try:
            async for v in agen:
                print("got", v)
        except Exception as e:
            print(type(e).__name__, repr(e), repr(e.__cause__))
    print(await consume(nested(6)))
    box = []
    box.append(reenter(box))
    print(await consume(box[0]))
    total = 0
    async for v in nested(3):
        total += v
        await asyncio.sleep(0)
    print("total", total)


asyncio.run(main())

# By hand: the consumer suspends inside slow()'s await; its cr_await is the asend.
c = consume(slow(3))
print("yielded", c.send(None))
aw = c.cr_await
print(type(aw).__name__)
print("yielded", c.send("a"))
print("yielded", c.send("b"))
try:
    c.send("c")
except StopIteration as e:
    print("result", e.value)

c = consume(slow(5))
c.send(None)
c.send("x")
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    print("thrown back:", repr(e))

agen = slow(5)
c = consume(agen)
c.send(None)
c.close()
print("closed", c.cr_frame)
