# How asyncio names callbacks in reprs (format_helpers._format_callback_source): a Handle shows
# "name(args) at file:line" for functions, partials and wrapped functions, the bare name for
# methods and built-ins, with arguments shortened as reprlib.repr shortens them; a Future shows
# every done callback (one, two, or "first, <N more>, last"), a task among them as its wake-up
# method. eddy showed the callback's repr in full and cb=[...] only for its own waiters.
import asyncio
import collections
import functools
import re

FILE = (lambda: None).__code__.co_filename


def show(*objs):
    text = " ".join(repr(o) for o in objs).replace(FILE, "FILE")
    print(re.sub(r"0x[0-9a-f]+", "0x?", text))


def cb(*args, **kwargs):
    pass


class K:
    def meth(self, *args):
        pass

    def __repr__(self):
        return "K" * 40


class Broken:
    def __repr__(self):
        raise ValueError("no repr")


def decorate(f):
    @functools.wraps(f)
    def wrapper(*args):
        return f(*args)
    return wrapper


@decorate
def wrapped(x):
    pass


class Named:
    __qualname__ = ""
    __name__ = "only_name"

    def __call__(self):
        pass


class MyTask(asyncio.Task):
    pass


async def wait_on(fut):
    await fut


async def nap():
    await asyncio.sleep(10)


async def main():
    loop = asyncio.get_running_loop()
    print("-- handles")
    show(loop.call_soon(cb))
    show(loop.call_soon(cb, 1, "two", None))
    show(loop.call_soon(K().meth, 3))
    show(loop.call_soon(print, "x"))
    show(loop.call_soon(int, "5"))
    show(loop.call_soon(lambda: None))
    show(loop.call_soon(functools.partial(cb, 1, k=2), 3))
    show(loop.call_soon(functools.partial(functools.partial(cb, 1), 2)))
    show(loop.call_soon(functools.partial(K().meth, 1)))
    show(loop.call_soon(wrapped, 4))
    show(loop.call_soon(Named()))
    show(loop.call_soon(loop.create_future().set_result, 1))
    h = loop.call_soon(cb, 1)
    h.cancel()
    show(h)
    th = loop.call_later(100, cb, 1)
    print(repr(th).replace(repr(th.when()), "WHEN").replace(FILE, "FILE"))
    th.cancel()
    print(repr(th).replace(repr(th.when()), "WHEN"))

    print("-- shortened arguments")
    show(loop.call_soon(cb, "a" * 28, "a" * 29, "a" * 40, "\x00" * 10, "é" * 40))
    show(loop.call_soon(cb, 10 ** 39, 10 ** 40, -10 ** 50, 2.5, True, b"x" * 40))
    show(loop.call_soon(cb, list(range(6)), list(range(7)), (1,), (), tuple(range(9)), []))
    show(loop.call_soon(cb, [[[[[[[1]]]]]]], ((((((((2,),),),),),),),)))
    show(loop.call_soon(cb, {3, 1, 2}, frozenset({"b", "a"}), set(), frozenset()))
    show(loop.call_soon(cb, {1, "a"}, {"b": 1, 2: 2}, {"d": 4, "a": 1, "c": 3, "b": 2, "e": 5}, {}))
    show(loop.call_soon(cb, {"k": [1, {"n": (1, 2)}]}, collections.deque(range(8))))
    show(loop.call_soon(cb, K(), Broken()))

    print("-- futures")
    f = loop.create_future()
    show(f)
    f.add_done_callback(cb)
    show(f)
    f.add_done_callback(K().meth)
    show(f)
    f.add_done_callback(functools.partial(cb, "p"))
    show(f)
    t = MyTask(wait_on(f))
    await asyncio.sleep(0)
    show(f)
    show(t)
    f.remove_done_callback(cb)
    show(f)
    f.set_result("r" * 40)
    show(f)
    await asyncio.sleep(0)
    show(t)

    g = loop.create_future()
    g.add_done_callback(functools.partial(cb, g))
    show(g)
    g.set_result([1] * 10)
    show(g)
    e = loop.create_future()
    e.set_exception(ValueError("x" * 40))
    show(e)
    e.exception()

    print("-- tasks")
    inner = loop.create_future()
    waiter = asyncio.ensure_future(wait_on(inner))
    outer = asyncio.ensure_future(wait_on(waiter))
    await asyncio.sleep(0)
    show(waiter)
    waiter.add_done_callback(cb)
    show(waiter)
    sleeper = MyTask(nap())
    await asyncio.sleep(0)
    show(sleeper)
    sleeper.cancel()
    inner.set_result(None)
    await outer
    await asyncio.sleep(0)


asyncio.run(main())
