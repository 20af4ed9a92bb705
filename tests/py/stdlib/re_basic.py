# re: match/search/fullmatch, groups, named groups, flags, findall/finditer, sub/subn, split, escape.
import re

m = re.match(r'(\w+) (\w+)', 'hello world again')
print(m.group(), m.group(1, 2), m.groups(), m.span(), m.start(2), m.end(1), m[2], m.lastindex)
print(m, m.re.pattern, m.string, m.pos, m.endpos, m.regs)
print(re.match('a', 'ba'), re.search('a', 'ba').span(), re.fullmatch('a+', 'aaa'), re.fullmatch('a', 'ab'))
n = re.search(r'(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?', 'on 2024-05 ok')
print(n.groupdict(), n.groupdict('?'), n.group('year'), n.span('month'), n.groups(), n.lastgroup, n.start(4))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(a)|b', 'ab'))
print([m.span() for m in re.finditer(r'x*', 'axxb')], re.findall(r'\b\w', 'hi there you'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home and ann@work'), re.sub('x*', '-', 'abxd'))
print(re.sub(r'(?P<n>\d)', r'<\g<n>\g<0>\g<1>>', 'a1b2'), re.sub(r'\d', lambda m: str(int(m[0]) * 2), 'a5b7'))
print(re.subn('a', 'b', 'banana'), re.sub('a', 'b', 'banana', count=2), re.sub('q', r'\n\t\\', 'aqa'))
print(re.split(r',\s*', 'a, b,c'), re.split(r'(,)', 'a,b'), re.split(r'x*', 'axbc'), re.split(',', 'a,b,c', maxsplit=1))
print(re.findall('(?i)hello', 'Hello HELLO'), re.findall('^a', 'a\na', re.M), re.findall('a.b', 'a\nb', re.S))
print(re.findall(r'''\d + # digits
                     [a-z]''', '12a 3b', re.X), re.findall(r'\w+', 'naïve café', re.A), re.findall(r'\w+', 'naïve café'))
print(re.search(r'end\Z', 'the end'), re.search(r'end\Z', 'the end\n'), re.search('end$', 'the end\n').span())
print(re.findall(r'a{,2}', 'aaaaa'), re.findall(r'[\u00e0-\u00ff]', 'àbé'), re.escape('a.b*c?d (e) 1-2'))
p = re.compile(r'(\d+)', re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex, p.search('ab12', 3), p.match('x12', 1).group())
print(re.compile('a', re.I | re.M), re.I | re.S, re.compile('x') is re.compile('x'))
print(re.search('é(.)', 'café!').span(), re.findall('.', 'añb'), [m.start() for m in re.finditer('b', 'ébéb')])
print(re.match(r'(a)(b)?', 'a').groups('-'), re.match(r'(a)(b)?', 'a').group(2))
for bad in ['(', 'a)', '[a', r'\q', '*a', '(?P<n>a)(?P<n>b)']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error', repr(bad), type(e).__name__, isinstance(e, Exception))
for bad in (lambda: re.sub('(a)', r'\2', 'a'), lambda: m.group(5), lambda: re.sub('a', r'\g<x>', 'a'),
            lambda: re.match('a', 5)):
    try:
        bad()
    except (re.error, IndexError, TypeError) as e:
        print(type(e).__name__, e)
