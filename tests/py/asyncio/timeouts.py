# asyncio.timeout / timeout_at: nested deadlines (only the expired one converts the cancel),
# a deadline already past, rescheduling, a cancel from outside that must stay a cancel,
# exceptions passing through, states in repr, and misuse errors.
import asyncio


def state(cm):
    # "<Timeout [active] when=...>" without the clock value.
    return repr(cm).split("]")[0] + "]>"


async def nested():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(10)
            except TimeoutError as e:
                print("inner expired:", inner.expired(), "outer:", outer.expired(),
                      "cause:", type(e.__cause__).__name__)
            await asyncio.sleep(0)
            print("outer still active:", state(outer))
    except TimeoutError:
        print("not reached")
    print("after:", state(outer), state(inner))

    # The outer deadline is the earlier one: the inner block must not convert it.
    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(10) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print("not reached")
            except asyncio.CancelledError:
                print("inner sees CancelledError, inner expired:", inner.expired())
                raise
    except TimeoutError:
        print("outer expired:", outer.expired())


async def past_and_rescheduled():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() - 1) as cm:
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("deadline in the past expires at the first await:", cm.expired())
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        print("rescheduled to None:", cm.when())
        await asyncio.sleep(0.02)
    print("no expiry:", cm.expired(), state(cm))
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 10)
        print("deadline set later:", cm.when() > loop.time())
    try:
        async with asyncio.timeout(0) as cm:
            pass
        print("zero delay but nothing awaited: no TimeoutError", cm.expired())
    except TimeoutError:
        print("TimeoutError with nothing awaited")


async def outside_cancel():
    async def body():
        async with asyncio.timeout(10):
            await asyncio.sleep(10)

    t = asyncio.create_task(body())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outside cancel stays a CancelledError:", t.cancelled())


async def passthrough():
    try:
        async with asyncio.timeout(10):
            raise LookupError("inside")
    except LookupError as e:
        print("other exceptions pass through:", repr(e))
    async with asyncio.timeout(10):
        try:
            raise asyncio.CancelledError()
        except asyncio.CancelledError:
            pass
    print("a cancel swallowed inside does not matter")


async def misuse():
    cm = asyncio.timeout(10)
    print(state(cm))
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with cm:
        print(state(cm))
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print("RuntimeError:", e)
    print(state(cm))
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)


async def main():
    await nested()
    await past_and_rescheduled()
    await outside_cancel()
    await passthrough()
    await misuse()


asyncio.run(main())
