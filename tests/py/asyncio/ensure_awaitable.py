# What ensure_future and loop.run_until_complete accept besides futures and coroutines: a queue's
# get()/put() and any object whose class has __await__, each run as a task that awaits it; other
# objects are a TypeError.
import asyncio


async def answer():
    await asyncio.sleep(0)
    return 42


class Delegating:
    def __await__(self):
        return answer().__await__()


class YieldingFrom:
    def __await__(self):
        value = yield from answer().__await__()
        return value + 1


async def main():
    print(await Delegating(), await YieldingFrom())
    print(await asyncio.ensure_future(Delegating()))
    print(await asyncio.gather(YieldingFrom(), Delegating()))
    print(await asyncio.wait_for(YieldingFrom(), 1))
    q = asyncio.Queue()
    asyncio.get_running_loop().call_later(0.01, q.put_nowait, "late")
    print(await asyncio.ensure_future(q.get()))
    for bad in (1, "text", [answer]):
        try:
            asyncio.ensure_future(bad)
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())

loop = asyncio.new_event_loop()
q = asyncio.Queue()
q.put_nowait(5)
print(loop.run_until_complete(q.get()))
print(loop.run_until_complete(q.put(6)), q.qsize())
print(loop.run_until_complete(Delegating()), loop.run_until_complete(YieldingFrom()))
try:
    loop.run_until_complete(3)
except TypeError as e:
    print("TypeError:", e)
loop.close()
