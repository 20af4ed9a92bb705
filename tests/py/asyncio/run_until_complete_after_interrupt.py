# A task ending in KeyboardInterrupt or SystemExit ends run_until_complete by raising, but its
# done callback (_run_until_complete_cb) stayed queued and stopped the loop's next run: "Event
# loop stopped before Future completed." (asyncio.run's cleanup after a second Ctrl-C hit it).
import asyncio


async def boom(kind):
    raise kind


async def two_steps():
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return 'next run completed'


loop = asyncio.new_event_loop()
for kind in (KeyboardInterrupt, SystemExit):
    try:
        loop.run_until_complete(boom(kind))
    except BaseException as e:
        print("stopped by", type(e).__name__)
    print(loop.run_until_complete(two_steps()))
loop.close()
