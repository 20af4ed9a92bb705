# re.Match (native): group lookup by number, name, bool and __index__; bad groups; groups and
# groupdict defaults; spans, regs, lastindex/lastgroup; pos/endpos clamping; repr (cut at 50);
# finditer's pos; copy; read-only attributes; expand.
import copy
import re


class Two:
    def __index__(self):
        return 2


m = re.match(r'(a)(?P<n>b)?', 'a')
for g in (0, 1, True, False, 'n', Two(), 1.0, -1, 3, 2**70, 'x', None, [1]):
    try:
        print(repr(g) if not isinstance(g, Two) else 'Two', m.group(g), m.start(g), m.end(g), m.span(g), m[g])
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(m.groups(), m.groups('d'), m.groupdict(), m.groupdict(0), m.regs, m.lastindex, m.lastgroup)
print(m.re, m.string, m.pos, m.endpos, m[0], m.group(0, 1, 'n'), repr(m), type(m), type(m).__name__)
print(isinstance(m, re.Match), copy.copy(m) is m, copy.deepcopy(m) is m, bool(m))
for bad in (lambda: m.group(1, 5), lambda: m.groups(1, 2), lambda: setattr(m, 'pos', 3), lambda: re.Match()):
    try:
        print(bad())
    except (IndexError, TypeError, AttributeError) as e:
        print(type(e).__name__)
p = re.compile('')
for args in ((5,), (-5, -1), (1, 0), (1, 100), (0, 1)):
    m = p.search('ab', *args)
    print(args, m and (m.span(), m.pos, m.endpos))
print([(m.span(), m.pos, m.endpos) for m in p.finditer('ab', -3, 50)])
print([(m.span(), m.pos) for m in re.finditer(r'\w', 'abc', 1)], list(re.finditer('x', 'abc')))
it = re.finditer(r'(\d)(\w)?', '1a 2 3b')
print(type(it).__name__, next(it).groups(), [m.groups('-') for m in it], list(it))
print(repr(re.match('.*', 'a' * 100)), repr(re.match('.*', 'x\'y"' * 30)), repr(re.search('é+', 'aéé')))
m = re.search(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Q Doe')
print(m.expand(r'\g<last>, \1 [\g<0>]'), m.expand(r'\2\n'), m.groupdict(), m.lastgroup, m.regs)
m = re.search(r'(é)(x)?(ñ)', 'aaéñ')
print(m.span(), m.span(1), m.span(2), m.span(3), m.groups(), m.lastindex, m.start(3), m.end())
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'), re.compile(r'\d').fullmatch('a1b', 1, 2))
print(re.sub(r'(\w)(\d)?', lambda m: m.group(2) or m[1].upper(), 'a1bc2'), re.split(r'(,)\s*', 'a, b,c'))
