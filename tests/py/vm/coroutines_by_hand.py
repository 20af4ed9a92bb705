# Coroutines and async generators driven by hand with send(), without an event loop.
class Later:
    def __await__(self):
        got = yield "suspend"
        return got * 2
async def leaf(x):
    v = await Later()
    return v + x
async def middle():
    a = await leaf(1)
    b = await leaf(10)
    return a, b
c = middle()
print(c.send(None))
print(c.send(5))
try:
    c.send(7)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def agen():
    for i in range(3):
        await Later()
        yield i
    print("agen done")
async def consume():
    out = []
    async for v in agen():
        out.append(v)
    return out
co = consume()
r = co.send(None)
while True:
    try:
        r = co.send(1)
    except StopIteration as e:
        print("consumed", e.value)
        break
async def with_ctx():
    class CM:
        async def __aenter__(self):
            print("enter")
            return self
        async def __aexit__(self, *a):
            print("exit", a[0])
            return True
    async with CM():
        raise KeyError("swallowed")
    return "after"
try:
    with_ctx().send(None)
except StopIteration as e:
    print(e.value)
async def simple():
    return 3
co = simple()
print(type(co).__name__, co.__name__)
try:
    co.send(None)
except StopIteration as e:
    print("value", e.value)
async def awaits_coro():
    return await simple() + await simple()
try:
    awaits_coro().send(None)
except StopIteration as e:
    print("value", e.value)
