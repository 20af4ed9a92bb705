# itertools: every function issue 4 names, with edge cases.
import itertools as it

print(list(it.islice(it.count(2, 3), 4)), repr(it.count(5)), repr(it.count(1, 2)))
print(list(it.islice(it.cycle('ab'), 5)), list(it.cycle([])), list(it.repeat(7, 3)), repr(it.repeat('x', 2)))
print(list(it.accumulate([1, 2, 3], initial=10)), list(it.accumulate([])), list(it.accumulate('abc')))
print(list(it.chain('ab', [1])), list(it.chain.from_iterable(['xy', 'z'])), list(it.chain()))
print(list(it.compress(range(5), [1, 0, 1])), list(it.dropwhile(lambda x: x < 2, [0, 3, 1])))
print(list(it.takewhile(bool, [1, 1, 0, 1])), list(it.filterfalse(None, [0, 1, '', 'a'])))
print([(k, ''.join(g)) for k, g in it.groupby('aabbbc')], [k for k, _ in it.groupby([1, 1, 2, 1])])
print([(k, list(g)) for k, g in it.groupby(['ab', 'ac', 'b'], key=lambda s: s[0])])
groups = it.groupby('aabb')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(it.islice(range(10), 3)), list(it.islice(range(10), 2, None)), list(it.islice(range(10), 1, 8, 3)))
src = iter(range(10))
print(list(it.islice(src, 2, 4)), next(src))
print(list(it.starmap(max, [(1, 5), (7, 2)])), [list(t) for t in it.tee('abc', 3)])
print(list(it.zip_longest('abc', 'd')), list(it.zip_longest()), list(it.pairwise([1])))
print(list(it.product()), list(it.product('ab', repeat=2)), list(it.product([], 'a')))
print(list(it.permutations([1, 2, 3], 0)), list(it.permutations('ab', 3)), len(list(it.permutations(range(5)))))
print(list(it.combinations('abc', 0)), list(it.combinations('ab', 3)), list(it.combinations_with_replacement('abc', 2)))
print(list(it.combinations_with_replacement('', 0)), list(it.combinations_with_replacement('', 1)))
for bad in (lambda: it.islice('a', -1), lambda: it.islice('a', 0, 1, 0), lambda: it.permutations('a', -1),
            lambda: it.combinations('a', -2), lambda: it.product('a', repeat=-1), lambda: it.tee('a', -1)):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
