# `yield from` gives back the value the delegate finished with: a coroutine's __await__()
# wrapper, a class whose __next__ raises StopIteration(value), and native iterators (None).


async def answer(x):
    return x * 2


def through_await(x):
    r = yield from answer(x).__await__()
    return ("await", r)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n


class Echo(Countdown):
    def send(self, v):
        if v == "stop":
            raise StopIteration(("echo", v))
        return v


def delegate(it):
    r = yield from it
    return r


def drive(gen, sends=()):
    got = []
    try:
        got.append(gen.send(None))
        for s in sends:
            got.append(gen.send(s))
        while True:
            got.append(next(gen))
    except StopIteration as e:
        return got, e.value


print(drive(through_await(21)))
print(drive(delegate(Countdown(3))))
print(drive(delegate(iter([1, 2]))))
print(drive(delegate(Echo(2)), ["a", "stop"]))


class BadNext:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("broken")


try:
    drive(delegate(BadNext()))
except ValueError as e:
    print("ValueError", e)

w = answer(5).__await__()
print(type(w).__name__)
try:
    w.send(None)
except StopIteration as e:
    print("wrapper stop", e.value)
