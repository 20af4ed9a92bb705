# The founding document's typist, asynchronous: prints "Hello, world!" one character at a time
# after a gaussian-distributed asyncio.sleep before each; while one typist waits the event loop
# runs the others, so two typists interleave their keystrokes. The seed is fixed: the delays,
# and so the interleaving, are the same on every run.
import asyncio
import random


async def hello_world():
    for ch in "Hello, world!":
        x = max(0, random.gauss(.08, .03))
        await asyncio.sleep(x)
        print(ch, end="", flush=True)
    print()


async def typist(name, text, delays, out):
    for ch, x in zip(text, delays):
        await asyncio.sleep(x)
        out.append(name + ch)


async def duet():
    # Delays far apart (multiples of 30 ms) so the order never depends on the machine's speed.
    out = []
    await asyncio.gather(typist("a", "abc", [0.03, 0.06, 0.06], out),
                         typist("b", "xyz", [0.06, 0.06, 0.06], out))
    print(" ".join(out))


if __name__ == "__main__":
    random.seed(2021)
    asyncio.run(hello_world())
    asyncio.run(duet())
