# A supervisor that keeps workers running: each worker runs under a restart loop that
# restarts it when it crashes, up to a budget; the supervised workers live in one
# asyncio.TaskGroup, so a worker that exhausts its budget takes the group down, its siblings
# are cancelled (and clean up), and the failure surfaces as an ExceptionGroup.
import asyncio


class Crash(Exception):
    pass


class GaveUp(Exception):
    pass


def make_worker(name, crash_on, rounds):
    # A worker doing `rounds` units of work, crashing at the attempts listed in crash_on.
    async def worker(attempt, log):
        for unit in range(rounds):
            await asyncio.sleep(0)
            if attempt in crash_on and unit == crash_on[attempt]:
                raise Crash(f"{name} crashed at unit {unit}")
        log.append(f"{name}: finished on attempt {attempt}")
        return rounds
    return worker


async def supervise(name, worker, budget, log, stopped):
    for attempt in range(1, budget + 2):
        try:
            return await worker(attempt, log)
        except Crash as e:
            if attempt <= budget:
                log.append(f"{name}: {e}; restart {attempt}/{budget}")
            else:
                log.append(f"{name}: {e}; no restarts left")
        except asyncio.CancelledError:
            # The group cancels siblings in an unspecified order: keep these lines apart.
            stopped.append(name)
            raise
    raise GaveUp(f"{name} crashed {budget + 1} times")


async def run_fleet(title, specs, budget):
    print(f"== {title}")
    log, stopped = [], []
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = {name: tg.create_task(supervise(name, make_worker(name, crashes, rounds),
                                                    budget, log, stopped), name=name)
                     for name, crashes, rounds in specs}
        print("\n".join(log))
        print("all done:", {name: t.result() for name, t in tasks.items()})
    except ExceptionGroup as eg:
        print("\n".join(log))
        print("fleet failed:", [str(e) for e in eg.exceptions])
        print("stopped by the supervisor:", sorted(stopped))
        print("cancelled:", sorted(n for n, t in tasks.items() if t.cancelled()))


async def main():
    await run_fleet("recoverable crashes", [
        ("ingest", {1: 2, 2: 0}, 4),
        ("resize", {}, 3),
        ("notify", {1: 1}, 2),
    ], budget=2)
    await run_fleet("a worker that keeps crashing", [
        ("ingest", {}, 50),
        ("billing", {1: 0, 2: 1, 3: 0}, 3),
        ("report", {}, 50),
    ], budget=2)


asyncio.run(main())
