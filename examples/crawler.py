# A polite "crawler" over a simulated web: pages answer after a simulated latency, at most
# three fetches run at once (asyncio.Semaphore), each fetch has a deadline (asyncio.timeout)
# and a page that fails or times out is reported without stopping the crawl. Links are
# followed breadth-first to a fixed depth, each URL fetched once.
import asyncio

# url: (latency in seconds, links, or an exception the server answers with)
SITE = {
    "/": (0.01, ["/docs", "/blog", "/about", "/shop"]),
    "/docs": (0.02, ["/docs/install", "/docs/api", "/"]),
    "/blog": (0.01, ["/blog/1", "/blog/2", "/blog/3"]),
    "/about": (0.03, ["/", "/team"]),
    "/shop": (30.0, ["/cart"]),                     # far too slow: times out
    "/docs/install": (0.02, []),
    "/docs/api": (0.01, ["/docs/api/v2"]),
    "/blog/1": (0.02, ["/blog/2"]),
    "/blog/2": (0.01, []),
    "/blog/3": (0.02, ConnectionResetError("peer hung up")),
    "/team": (0.01, ["/about"]),
}
LIMIT = 3        # concurrent fetches
DEADLINE = 1.0   # seconds per fetch
MAX_DEPTH = 2


class Crawler:
    def __init__(self):
        self.slots = asyncio.Semaphore(LIMIT)
        self.active = 0
        self.peak = 0
        self.seen = set()
        self.pages = {}
        self.failures = {}

    async def fetch(self, url):
        latency, answer = SITE.get(url, (0.01, LookupError("404 not found")))
        async with self.slots:
            self.active += 1
            self.peak = max(self.peak, self.active)
            try:
                async with asyncio.timeout(DEADLINE):
                    await asyncio.sleep(latency)
            finally:
                self.active -= 1
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def visit(self, url):
        try:
            links = await self.fetch(url)
        except TimeoutError:
            self.failures[url] = "timed out"
            return []
        except (ConnectionError, LookupError) as e:
            self.failures[url] = f"{type(e).__name__}: {e}"
            return []
        self.pages[url] = links
        return links

    async def crawl(self, root):
        frontier = [root]
        self.seen.add(root)
        for depth in range(MAX_DEPTH + 1):
            results = await asyncio.gather(*(self.visit(url) for url in frontier))
            print(f"depth {depth}: fetched {len(frontier)} url(s)")
            frontier = []
            for links in results:
                for link in links:
                    if link not in self.seen:
                        self.seen.add(link)
                        frontier.append(link)
            if not frontier:
                break
        return frontier


async def main():
    crawler = Crawler()
    left = await crawler.crawl("/")
    print("pages:")
    for url in sorted(crawler.pages):
        print(f"  {url:<14} -> {len(crawler.pages[url])} link(s)")
    print("failures:")
    for url in sorted(crawler.failures):
        print(f"  {url:<14} {crawler.failures[url]}")
    print("not visited (too deep):", sorted(left))
    print("peak concurrency:", crawler.peak, "(limit", LIMIT, end=")\n")


asyncio.run(main())
