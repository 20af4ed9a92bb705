# Generator send/throw/close, yield from delegation, return values and PEP 479.
def inner():
    try:
        x = yield 1
        print("inner got", x)
        y = yield 2
        print("inner got", y)
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    finally:
        print("inner finally")
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-done"
g = outer()
print(next(g), g.send("a"), g.throw(ValueError("boom")))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
g = outer()
next(g)
g.close()
print("closed", g.gi_frame is None)
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def running():
    g.send(None)
    yield
g = running()
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print("TypeError:", e)
def stop_inside():
    yield 1
    raise StopIteration("x")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def deep(n):
    if n:
        yield from deep(n - 1)
    yield n
print(sum(deep(300)))
def counter():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
c = counter()
next(c)
for i in range(5):
    c.send(i)
try:
    c.send(None)
except StopIteration as e:
    print("total", e.value)
