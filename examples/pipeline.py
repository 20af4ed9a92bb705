# A three-stage pipeline over bounded asyncio queues: a producer reads "orders", two parsers
# validate them, three packers pack them, and a bounded queue between each pair of stages
# keeps a fast stage from running ahead of a slow one (back-pressure). Shutdown is by one
# sentinel per consumer; Queue.join() confirms every item was accounted for.
import asyncio

ORDERS = [
    "apple:3", "pear:1", "fig:x", "plum:2", "kiwi:5", "lime:0", "date:4", "nectarine:2",
    "grape:7", "bad-line", "mango:1", "peach:6",
]
DONE = None  # the sentinel that tells a consumer to stop


async def produce(out_q, stats):
    for line in ORDERS:
        await out_q.put(line)  # waits while the parsers are behind
        stats["max_backlog"] = max(stats["max_backlog"], out_q.qsize())
    for _ in range(2):
        await out_q.put(DONE)


async def parse(name, in_q, out_q, rejected):
    while True:
        line = await in_q.get()
        try:
            if line is DONE:
                return
            await asyncio.sleep(0)  # parsing takes a moment
            item, _, count = line.partition(":")
            if not count.isdigit() or int(count) == 0:
                rejected.append(f"{line!r} ({name})")
                continue
            await out_q.put((item, int(count)))
        finally:
            in_q.task_done()


async def pack(name, in_q, packed):
    while True:
        order = await in_q.get()
        try:
            if order is DONE:
                return
            item, count = order
            for _ in range(count):  # slow: one step per unit
                await asyncio.sleep(0)
            packed[item] = (count, name)
        finally:
            in_q.task_done()


async def main():
    raw = asyncio.Queue(maxsize=2)
    parsed = asyncio.Queue(maxsize=2)
    stats = {"max_backlog": 0}
    rejected, packed = [], {}
    parsers = [asyncio.create_task(parse(f"parser{i}", raw, parsed, rejected)) for i in (1, 2)]
    packers = [asyncio.create_task(pack(f"packer{i}", parsed, packed)) for i in (1, 2, 3)]
    await produce(raw, stats)
    await asyncio.gather(*parsers)
    for _ in packers:
        await parsed.put(DONE)
    await asyncio.gather(*packers)
    await raw.join()
    await parsed.join()

    print(f"{len(ORDERS)} orders in, {len(packed)} packed, {len(rejected)} rejected")
    for item in sorted(packed):
        count, by = packed[item]
        print(f"  {item:<10} x{count}  ({by})")
    print("rejected:", ", ".join(sorted(r.split(" (")[0] for r in rejected)))
    print("backlog never exceeded the bound:", stats["max_backlog"] <= raw.maxsize)
    print("units packed:", sum(c for c, _ in packed.values()))
    print("queues drained:", raw.empty() and parsed.empty())


asyncio.run(main())
