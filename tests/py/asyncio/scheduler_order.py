# The loop's iteration semantics (_run_once): call_soon FIFO, callbacks scheduled by callbacks run
# in the next iteration, a done future wakes its awaiting task one iteration later, timers with
# the same deadline fire in scheduling order, a timer's task runs an iteration after it fires.
import asyncio

log = []


async def main():
    loop = asyncio.get_running_loop()

    def cb(name, depth):
        log.append(name + str(depth))
        if depth < 2:
            loop.call_soon(cb, name, depth + 1)

    loop.call_soon(cb, "a", 0)
    loop.call_soon(cb, "b", 0)
    await asyncio.sleep(0)
    log.append("main1")
    await asyncio.sleep(0)
    log.append("main2")
    await asyncio.sleep(0)
    log.append("main3")

    fut = loop.create_future()

    async def waiter(name):
        log.append(name + " waits")
        v = await fut
        log.append(name + " got " + str(v))

    t1 = asyncio.create_task(waiter("w1"))
    t2 = asyncio.create_task(waiter("w2"))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: log.append("callback sees " + str(f.result())))
    fut.set_result(7)
    log.append("set")
    await asyncio.sleep(0)
    log.append("after one turn")
    await asyncio.gather(t1, t2)

    when = loop.time() + 0.01
    for i in range(4):
        loop.call_at(when, log.append, "tie" + str(i))
    h = loop.call_at(when, log.append, "cancelled")
    h.cancel()
    await asyncio.sleep(0.03)
    print(h.cancelled(), repr(h).startswith("<TimerHandle cancelled when="))


asyncio.run(main())
for line in log:
    print(line)
