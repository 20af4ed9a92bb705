# A for loop over a generator resumes its frame inline: items, return values (dropped), PEP 479,
# exceptions with their tracebacks through the loop, re-entry, recursion, and breaking out.
def g(n):
    for i in range(n):
        yield i
    return 99
def bad():
    yield 1
    raise StopIteration
def err():
    yield 1
    raise ValueError("x")
print(list(g(3)), sum(x for x in g(5)))
for x in g(3):
    for y in g(2):
        print(x, y)
try:
    for x in bad(): print(x)
except RuntimeError as e:
    print("RT", e, type(e.__cause__))
try:
    for x in err(): print(x)
except ValueError as e:
    print("VE", e)
def selfiter():
    yield 1
    for x in gg: print(x)
    yield 2
gg = selfiter()
try:
    for x in gg: print(x)
except ValueError as e:
    print("VE", e)
def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n-1): yield x + 1
print(list(deep(50)))
it = g(4)
for x in it:
    if x == 1: break
print(next(it), list(it))
import sys
def rec():
    for x in rec(): yield x
    yield 1
try:
    for x in rec(): pass
except RecursionError: print("rec")
def main():
    for x in err():
        pass
try:
    main()
except ValueError as e:
    tb, names = e.__traceback__, []
    while tb:
        names.append(tb.tb_frame.f_code.co_name if hasattr(tb, "tb_frame") else tb.tb_lineno)
        tb = tb.tb_next
    print(len(names))
def sends():
    got = yield 1
    print("got", got)
    yield 2
s = sends()
for x in s:
    print("item", x)
class G:
    def __iter__(self):
        yield from (i * i for i in range(4))
print(list(G()), [y for y in G()])
def f(l):
    r = yield from l
    print("r", r)
    yield from []
    yield from iter([7])
g = f([1,2,3])
print(list(g))
g = f([1,2])
print(next(g), g.send(None), end=" ")
try: g.send(5)
except Exception as e: print(type(e).__name__)
