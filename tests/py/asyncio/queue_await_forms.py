# `await q.get()` / `await q.put(x)` finish in one step when they need not wait (the methods'
# await forms, stdlib/asyncio_queue.cpp); everything else about them must stay as CPython's
# coroutines: an op made but awaited later or twice, driven by hand without a loop, bound
# methods, None items, wrong argument counts, and subclasses whose empty()/full() are Python
# code called exactly as often as CPython calls them.
import asyncio


class CountingQueue(asyncio.Queue):
    def empty(self):
        print('  empty()')
        return super().empty()

    def full(self):
        print('  full()')
        return super().full()


async def get_one(q):
    return await q.get()


def by_hand():
    # No loop runs: a get that need not wait finishes at the first send.
    q = asyncio.Queue()
    q.put_nowait('item')
    c = get_one(q)
    try:
        c.send(None)
    except StopIteration as e:
        print('by hand', repr(e.value))
    op = q.get()
    q.put_nowait(None)
    try:
        op.send(None)
    except StopIteration as e:
        print('op.send', repr(e.value))
    try:
        op.send(None)
    except RuntimeError as e:
        print('again:', e)


async def main():
    q = asyncio.Queue(2)
    await q.put(None)
    print('None item', repr(await q.get()))
    op = q.get()            # made now, awaited later: what it gets is decided at the await
    await q.put('a')
    await q.put('b')
    print('late await', await op)
    try:
        await op
    except RuntimeError as e:
        print('twice:', e)
    get = q.get
    put = q.put
    await put('c')
    print('bound', await get(), q.qsize())
    try:
        await q.get(1)
    except TypeError:
        print('TypeError')
    try:
        await q.put()
    except TypeError:
        print('TypeError')
    print('drained', await q.get(), q.empty())

    c = CountingQueue(1)
    print('put to subclass')
    await c.put(1)
    print('get from subclass')
    print(await c.get())
    # A full subclass queue: put waits, a getter makes room.
    await c.put(2)
    t = asyncio.create_task(c.put(3))
    await asyncio.sleep(0)
    print('waiting putter', t.done())
    print('got', c.get_nowait())
    await t
    print('after', c.get_nowait())

    # The fast path takes the item even when getters were cancelled before.
    q2 = asyncio.Queue()
    w = asyncio.create_task(q2.get())
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.sleep(0)
    q2.put_nowait('z')
    print('cancelled getter', w.cancelled(), await q2.get(), q2._getters)


by_hand()
asyncio.run(main())
