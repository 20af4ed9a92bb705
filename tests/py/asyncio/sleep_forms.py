# `await asyncio.sleep(...)` in its call forms (the await skips binding the call when its
# arguments are positional): results, a keyword, a bad delay (the TypeError of `delay <= 0`),
# and the order sleeps wake in.
import asyncio


async def ticker(name, delay, n):
    for i in range(n):
        r = await asyncio.sleep(delay, (name, i))
        print(r)


async def main():
    print(await asyncio.sleep(0), await asyncio.sleep(0, "r0"), await asyncio.sleep(0.001, result="r1"))
    print(await asyncio.sleep(delay=0, result=[1]))
    for bad in ("x", None, [0]):
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print("TypeError", e)
    s = asyncio.sleep
    print(await s(0, "alias"), await s(-1, "negative"), await asyncio.sleep(True, "bool"))
    await asyncio.gather(ticker("a", 0, 3), ticker("b", 0, 2))
    await ticker("c", 0.002, 2)


asyncio.run(main())
