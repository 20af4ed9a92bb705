# The method sets of the built-in types as CPython 3.11 has them (dir() of each type, with no
# operator a type lacks), and the behaviour of the methods that were missing: the reflected and
# in-place operators, __class_getitem__ (list[int]), float.fromhex, range's attributes,
# __getstate__/__subclasshook__/__sizeof__, complex.__complex__. Bad arguments give
# CPython's exception types.
import collections

for t in (str, list, dict, set, frozenset, bytes, bytearray, int, float, tuple, bool, complex,
          range, object, type(None)):
    print(t.__name__, [n for n in dir(t) if n != '__alloc__' or t is bytearray])
print(sorted(set(dir(5)) ^ set(dir(int))), sorted(set(dir('')) ^ set(dir(str))))


def show(f):
    try:
        r = f()
    except Exception as e:
        r = f'{type(e).__name__}: {e}'
    print(r)


a = [1, 2]
print(a.__iadd__([3]) is a, a, a.__imul__(2) is a, a, list.__iadd__(a, (9,)), [1].__rmul__(3))
ba = bytearray(b'ab')
print(ba.__iadd__(b'c') is ba, ba, ba.__imul__(2), ba.__alloc__() > len(ba))
s = {1, 2}
print(s.__ior__({3}) is s, s, s.__iand__({1, 3}), s.__isub__({1}), s.__ixor__({4, 3}), s)
print({1, 2}.__rsub__({2, 3}), {1}.__ror__({2}), {1, 2}.__rand__({2}), {1}.__rxor__({1, 5}),
      frozenset({1}).__ror__({2}), frozenset({1}).__ror__([2]), {1}.__rsub__([1]))
d = {'a': 1}
print(d.__ior__({'b': 2}) is d, d, d.__ror__({'c': 3, 'a': 0}), d.__ror__([1]), d.__or__(5))
print(True.__and__(False), True.__ror__(1), (1.5).__rdivmod__(7), (2j).__rsub__(1), 'a%s'.__mod__(1))
for name in ('__sub__', '__radd__', '__bool__', '__iadd__', '__rand__', '__imul__', '__rmod__'):
    print(name, [t.__name__ for t in (str, list, tuple, dict, set, frozenset, bytes, int, float, complex,
                                                 range, collections.deque)
                 if hasattr(t, name)])
print(list[int], dict[str, list[int]], tuple[int, ...], list[()], set[None], type[int], frozenset['x'])
print(collections.deque[int], collections.OrderedDict[str, int], collections.defaultdict[str, list])
g = list[int]
print(g == list[int], g != list[str], hash(g) == hash(list[int]), g(range(3)), g.__origin__, g.__args__,
      g.__parameters__, type(g), g.append is list.append, dict[str, int] == dict[str, int])
x: list[int] = [1]


class Ints(list[int]):
    pass


print(Ints.__bases__, Ints([1, 2]), type(g)(list, (int,)), type(g)(dict, str))
for text in ('0x1.8p1', '-0X1P-1074', '1p0', ' 0x.8 ', 'inf', '-Infinity', 'nan', '0x1.fffffffffffff8p1023',
             '0x1p1024', '0x', '1.p', 'x1', '0x1p', '0x1.0000000000000800001p0', '0x3.1p-1'):
    show(lambda: float.fromhex(text))


class F(float):
    pass


print(type(F.fromhex('0x1p1')).__name__, F.fromhex('0x1p1'), float.__getformat__('double'))
show(lambda: float.fromhex(5))
show(lambda: float.__getformat__('long'))
r = range(2, 20, 3)
print(r.start, r.stop, r.step, range(5).step, range(-1, -10, -2).stop)


class P:
    pass


p = P()
print(p.__getstate__(), object().__getstate__(), object.__subclasshook__(), P.__subclasshook__(int))
p.x = 1
print(p.__getstate__(), isinstance([].__sizeof__(), int), [].__sizeof__() > 0, (5).__sizeof__() > 0)
c = complex(1, -2)
print(c.__complex__(), c.__getnewargs__(), type(c.__complex__()) is complex)
show(lambda: [].__iadd__(5))
show(lambda: set().__ior__([1]))
show(lambda: list.__iadd__((), []))
