# asyncio.Queue's native core (stdlib/asyncio_queue.cpp): what q.get()/q.put() return and how it
# behaves as a coroutine (create_task, wait_for, gather, driven by hand), woken getters and
# putters that are cancelled before they run passing the item or slot on, FIFO wake-up order,
# subclasses that override the storage hooks or full(), reprs, task_done/join.
import asyncio


class LoggingQueue(asyncio.Queue):
    # Overrides _put only: the default _init and _get must still see its storage.
    def _put(self, item):
        print('  _put', item)
        super()._put(item)


class TinyQueue(asyncio.Queue):
    # full() decides when put() waits, as in CPython.
    def full(self):
        return self.qsize() >= 1


async def getter(q, name, log):
    try:
        item = await q.get()
        log.append((name, item))
    except asyncio.CancelledError:
        log.append((name, 'cancelled'))
        raise


async def putter(q, name, item, log):
    try:
        await q.put(item)
        log.append((name, 'put', item))
    except asyncio.CancelledError:
        log.append((name, 'cancelled'))
        raise


async def coroutine_protocol():
    q = asyncio.Queue()
    g = q.get()
    print('iscoroutine', asyncio.iscoroutine(g))
    t = asyncio.create_task(g)
    await asyncio.sleep(0)
    print('task waiting', t.done(), len(q._getters))
    q.put_nowait('x')
    print('create_task(q.get())', await t)
    q.put_nowait('y')
    print('wait_for', await asyncio.wait_for(q.get(), 1))
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print('timed out; getters left', len(q._getters))
    print('gather', await asyncio.gather(q.put(1), q.put(2), q.get(), q.get()))
    # A get() that is never awaited takes nothing.
    q.put_nowait('kept')
    q.get().close()
    print('still there', q.qsize(), q.get_nowait())
    # Driven by hand: send(None) yields the waiter future when the queue is empty.
    c = q.get()
    fut = c.send(None)
    print('yielded a future', asyncio.isfuture(fut), fut.done())
    q.put_nowait('late')
    print('woken', fut.done(), fut.result())
    try:
        c.send(None)
    except StopIteration as e:
        print('StopIteration', e.value)
    try:
        c.send(None)
    except RuntimeError as e:
        print('RuntimeError', e)
    c = q.get()
    c.send(None)
    try:
        c.throw(ValueError('boom'))
    except ValueError as e:
        print('throw', e, 'getters', len(q._getters))


async def woken_getter_cancelled():
    q = asyncio.Queue()
    log = []
    tasks = [asyncio.create_task(getter(q, n, log)) for n in 'abc']
    await asyncio.sleep(0)
    q.put_nowait(1)          # wakes a
    tasks[0].cancel()        # a leaves without the item: b gets it
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    q.put_nowait(2)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log, q.qsize())


async def waiting_getter_cancelled():
    q = asyncio.Queue()
    log = []
    tasks = [asyncio.create_task(getter(q, n, log)) for n in 'abc']
    await asyncio.sleep(0)
    tasks[1].cancel()        # b is cancelled before anything arrives
    await asyncio.sleep(0)
    for i in range(2):
        q.put_nowait(i)
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log, len(q._getters))


async def woken_putter_cancelled():
    q = asyncio.Queue(1)
    q.put_nowait('full')
    log = []
    tasks = [asyncio.create_task(putter(q, n, n.upper(), log)) for n in 'abc']
    await asyncio.sleep(0)
    print(q)
    print('got', q.get_nowait())     # wakes a
    tasks[0].cancel()                # a leaves without putting: b gets the slot
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log, list(q._queue) if not q.empty() else [], q)
    print('got', await q.get())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log, q.qsize())


async def fifo_order():
    q = asyncio.Queue(2)
    log = []
    putters = [asyncio.create_task(putter(q, n, i, log)) for i, n in enumerate('pqrstu')]
    getters = [asyncio.create_task(getter(q, n, log)) for n in 'ghijkl']
    await asyncio.gather(*putters, *getters)
    print(log)


async def subclasses():
    q = LoggingQueue()
    await q.put(1)
    q.put_nowait(2)
    print(q, q.qsize(), await q.get(), q.get_nowait(), q.empty())
    t = TinyQueue(5)
    await t.put('a')
    log = []
    task = asyncio.create_task(putter(t, 'p', 'b', log))
    await asyncio.sleep(0)
    print(t.full(), log, t)
    print(await t.get(), await t.get(), log)
    await task
    for cls in (asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls(3)
        for v in (2, 3, 1):
            await q.put(v)
        try:
            q.put_nowait(0)
        except asyncio.QueueFull:
            print(cls.__name__, 'full', q)
        print([await q.get() for _ in range(3)])


async def join_and_task_done():
    q = asyncio.Queue()
    log = []

    async def worker():
        while True:
            item = await q.get()
            log.append(item)
            await asyncio.sleep(0)
            q.task_done()

    w = asyncio.create_task(worker())
    for i in range(5):
        q.put_nowait(i)
    print(q._unfinished_tasks, q)
    await q.join()
    print('joined', log, q._unfinished_tasks)
    await q.join()
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError', e)
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    print(str(q), q.maxsize, asyncio.Queue(maxsize=-1).full())


async def main():
    await coroutine_protocol()
    await woken_getter_cancelled()
    await waiting_getter_cancelled()
    await woken_putter_cancelled()
    await fifo_order()
    await subclasses()
    await join_and_task_done()


asyncio.run(main())
