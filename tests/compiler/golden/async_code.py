# Coroutines: await, async for with else, async with, async generators, async comprehensions.
async def co(a, lock):
    await a
    async for x in a:
        use(x)
    else:
        done()
    async with lock as l:
        return l
async def agen(xs):
    yield 1
    return
async def comp(xs):
    return [await x async for x in xs], [x async for x in xs if await x]
