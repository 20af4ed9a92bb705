# A task cancelled while it runs gets the CancelledError at its next await, whatever it awaits:
# a sleep with a delay used to start its timer and ignore the pending cancel until it fired.
import asyncio


async def sleeper(delay, msg):
    asyncio.current_task().cancel(msg)
    try:
        await asyncio.sleep(delay)
        print("slept", delay)
    except asyncio.CancelledError as e:
        print("cancelled in sleep", delay, e.args)
        raise


async def other():
    print("other runs")


async def main():
    for delay in (0, 0.001, 5):
        t = asyncio.create_task(sleeper(delay, "stop %s" % delay))
        o = asyncio.create_task(other())
        try:
            await t
        except asyncio.CancelledError:
            print("task cancelled:", t.cancelled(), t.cancelling())
        await o
    print("done")


asyncio.run(main())
