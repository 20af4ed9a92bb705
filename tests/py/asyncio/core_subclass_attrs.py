# A Queue/Lock/Semaphore subclass may define an attribute named like the native core's own
# (_op_type): it crashed the native __new__, which took its op type from the subclass.
import asyncio
class Q(asyncio.Queue):
    _op_type = 1
class L(asyncio.Lock):
    _op_type = 'x'
class S(asyncio.Semaphore):
    _op_type = None
async def main():
    q, l, s = Q(1), L(), S(0)
    await q.put(1)
    t = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print(await q.get(), await q.get(), t.done())
    async with l:
        print('held', l.locked(), l._op_type)
    w = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    s.release()
    print(await w, s._op_type)
asyncio.run(main())
