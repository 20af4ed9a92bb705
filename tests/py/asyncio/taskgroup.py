# asyncio.TaskGroup: several failures in one group, a failing body, cancellation from outside,
# the body interrupted by a failing child (and the parent able to go on afterwards), nested
# groups, names, reprs and the RuntimeErrors of misuse.
import asyncio


def describe(eg):
    inner = ", ".join(f"{type(e).__name__}({e})" for e in eg.exceptions)
    return f"{type(eg).__name__}: {eg} [{inner}]"


async def fail(after, exc):
    for _ in range(after):
        await asyncio.sleep(0)
    raise exc


async def sleeper(log, name, rounds=100):
    try:
        for _ in range(rounds):
            await asyncio.sleep(0)
        log.append(f"{name} done")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def two_failures():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, ValueError("one")))
            tg.create_task(fail(1, KeyError("two")))
            tg.create_task(sleeper(log, "s"))
    except ExceptionGroup as eg:
        print(describe(eg))
    print(log)


async def failing_body():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(log, "child"))
            await asyncio.sleep(0)
            raise ZeroDivisionError("body")
    except ExceptionGroup as eg:
        print(describe(eg))
    print(log)


async def body_interrupted():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(2, RuntimeError("child")))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log.append("body cancelled")
                raise
    except ExceptionGroup as eg:
        print(describe(eg))
    task = asyncio.current_task()
    print(log, "cancelling:", task.cancelling())
    await asyncio.sleep(0)
    print("parent goes on after the group")


async def cancelled_from_outside():
    log = []

    async def body():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(log, "a"))
            tg.create_task(sleeper(log, "b"))
            await asyncio.sleep(10)

    t = asyncio.create_task(body())
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer task cancelled:", t.cancelled(), sorted(log))


async def nested():
    try:
        async with asyncio.TaskGroup() as outer:
            async def inner_group():
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(fail(1, OSError("deep")))
            outer.create_task(inner_group())
            outer.create_task(fail(3, IndexError("shallow")))
    except ExceptionGroup as eg:
        print(describe(eg))
        print("nested:", describe([e for e in eg.exceptions if isinstance(e, ExceptionGroup)][0]))


async def results_and_names():
    async with asyncio.TaskGroup() as tg:
        named = tg.create_task(sleeper([], "n", 1), name="worker-1")
        plain = tg.create_task(sleeper([], "p", 2))
        print(repr(tg))
    print(named.get_name(), named.result(), plain.result(), repr(tg))


async def misuse():
    tg = asyncio.TaskGroup()
    coro = sleeper([], "x", 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    async with tg:
        pass
    coro = sleeper([], "x", 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


async def main():
    await two_failures()
    await failing_body()
    await body_interrupted()
    await cancelled_from_outside()
    await nested()
    await results_and_names()
    await misuse()


asyncio.run(main())
