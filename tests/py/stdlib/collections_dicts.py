# collections: defaultdict, OrderedDict, Counter, ChainMap.
from collections import defaultdict, OrderedDict, Counter, ChainMap

dd = defaultdict(list)
dd['a'].append(1)
dd['b']
print(dd, dd.default_factory, repr(defaultdict(None)))
c = dd.copy()
print(type(c).__name__, c == dd, c is dd)
try:
    defaultdict(5)
except TypeError as e:
    print(e)

od = OrderedDict()
od['x'] = 1
od['y'] = 2
od['z'] = 3
od.move_to_end('x')
print(od, list(od))
od.move_to_end('z', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(), OrderedDict.fromkeys('ab', 0))
try:
    od.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)

cnt = Counter('abracadabra')
print(cnt, cnt['a'], cnt['zz'], cnt.most_common(2), cnt.total())
print(sorted(cnt.elements()))
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=-1)
print(a + b, a - b, a | b, a & b, +b, -b)
a.update(['a', 'd'])
a.subtract({'b': 5})
print(a, Counter() == Counter(), Counter(x=0) == Counter())
a += Counter(b=10)
print(a)
print(Counter({'x': 2, 'y': 2, 'z': 3}).most_common())
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.get('q', 9))
cm['c'] = 4
print(cm.maps, cm.new_child({'a': 0})['a'])
