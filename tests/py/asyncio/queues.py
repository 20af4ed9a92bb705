# asyncio.Queue, LifoQueue and PriorityQueue: ordering, long FIFO runs, cancelled getters and
# putters passing their turn on, task_done/join, str/repr, and the errors.
import asyncio


async def orders():
    fifo, lifo, prio = asyncio.Queue(), asyncio.LifoQueue(), asyncio.PriorityQueue()
    for q in (fifo, lifo, prio):
        for item in (5, 1, 4, 1, 3, 9, 2, 6):
            q.put_nowait(item)
        print(type(q).__name__, q.qsize(), [q.get_nowait() for _ in range(q.qsize())], q.empty())
    jobs = asyncio.PriorityQueue()
    for job in [(2, "write"), (0, "boot"), (1, "read"), (2, "flush"), (0, "init")]:
        await jobs.put(job)
    print([await jobs.get() for _ in range(5)])


async def long_fifo():
    # Many items through one queue, interleaving puts and gets: order is kept throughout.
    q = asyncio.Queue()
    got = []
    for i in range(1000):
        q.put_nowait(i)
        if i % 3 == 0:
            got.append(q.get_nowait())
    while not q.empty():
        got.append(await q.get())
    print("long run in order:", got == list(range(1000)), q.qsize())


async def cancelled_getter():
    q = asyncio.Queue()
    log = []

    async def getter(name):
        log.append((name, await q.get()))

    a = asyncio.create_task(getter("a"))
    b = asyncio.create_task(getter("b"))
    await asyncio.sleep(0)
    print(str(q))
    q.put_nowait("item")
    a.cancel()  # a was woken for the item but never ran: b gets it
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log, a.cancelled(), str(q))
    await b


async def cancelled_putter():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("first")
    p1 = asyncio.create_task(q.put("second"))
    p2 = asyncio.create_task(q.put("third"))
    await asyncio.sleep(0)
    print(str(q))
    print("got", q.get_nowait())
    p1.cancel()  # woken for the free slot but cancelled: p2 takes the slot
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(p1.cancelled(), p2.done(), str(q))


async def join_and_task_done():
    q = asyncio.Queue()
    done = []

    async def worker(name):
        while True:
            item = await q.get()
            await asyncio.sleep(0)
            done.append(f"{name}:{item}")
            q.task_done()

    workers = [asyncio.create_task(worker(n)) for n in "xy"]
    for item in range(5):
        q.put_nowait(item)
    await q.join()
    print(done, str(q))
    await q.join()  # nothing unfinished: returns at once
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)


async def errors_and_misc():
    q = asyncio.Queue(2)
    print("maxsize", q.maxsize, "full", q.full())
    await q.put(1)
    await q.put(2)
    print("full", q.full(), str(q))
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e), isinstance(e, Exception))
    try:
        asyncio.LifoQueue().get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    print("never full when maxsize <= 0:", asyncio.Queue(-1).full(), asyncio.Queue(0).full())
    print(repr(q).startswith("<Queue at 0x"), repr(q).endswith("maxsize=2 _queue=[1, 2] tasks=2>"))


async def main():
    await orders()
    await long_fifo()
    await cancelled_getter()
    await cancelled_putter()
    await join_and_task_done()
    await errors_and_misc()


asyncio.run(main())
