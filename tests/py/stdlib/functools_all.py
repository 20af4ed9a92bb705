# functools: partial, reduce, wraps, lru_cache, cache, cmp_to_key, total_ordering.
import functools


def f(a, b, c=0, *, d=1):
    return (a, b, c, d)


p = functools.partial(f, 1, d=4)
print(p(2), p(2, 3, d=5), p.func is f, p.args, p.keywords)
pp = functools.partial(p, 9)
print(pp(), pp.args, pp.func is f)
print(functools.reduce(lambda x, y: x * 10 + y, [1, 2, 3]), functools.reduce(int.__add__, [], 7))
try:
    functools.reduce(max, iter([]))
except TypeError as e:
    print(e)
calls = []


@functools.lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n


print([sq(i) for i in (1, 2, 1, 3, 2, 1)], calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)


@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)


print(fact(30), fact.cache_info().misses)


@functools.lru_cache
def plain(x, y=1):
    return x + y


print(plain(1), plain(1, y=1), plain(x=1), plain.cache_info())


def deco(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        """inner doc"""
        return fn(*args, **kwargs)
    return inner


@deco
def documented(x):
    """The real doc."""
    return x


print(documented.__name__, documented.__doc__, documented.__wrapped__(5), documented.__qualname__)
words = ['pear', 'fig', 'apple', 'kiwi']
print(sorted(words, key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1))
try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(e)
