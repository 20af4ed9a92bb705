# re: sub/subn with a template string (expanded natively), finditer's Match objects, and
# lastindex/lastgroup computed on demand.
import re

# Multi-byte text: spans and the copied text between matches must stay aligned.
print(re.sub(r'(é+)(x)?', r'[\1|\2]', 'aébééxcé'))
print(re.subn(r'(?P<w>\w)(\d)?', r'\g<2>\g<w>', 'a1bç2d', count=3))
print(re.sub('', '-', 'añb'), re.sub('b*', r'<\g<0>>', 'abbcb'), re.sub('$', '!', 'x\ny'))
print(re.sub('(a)|(b)', r'1\1 2\2;', 'abc'), re.subn('z', 'q', 'abc'), re.sub('a', '', 'banana'))
print(re.sub('(?m)^', '> ', 'one\ntwo\n'), re.sub(r'\s+', ' ', '  a \t b\n\nc  '))
p = re.compile(r'(\d)(\d)?')
print(p.sub(r'\2\1', '12 3 456', 2), p.subn(r'\g<0>\g<0>', ''), p.sub('\\\\', '1a2'))
print([(m.span(), m.group(), m.lastindex) for m in p.finditer('1 23 456', 1, 6)])
print([m.span() for m in p.finditer('12345', -3)], [m.span() for m in re.finditer('', 'ab')])
for m in re.finditer(r'(?P<a>x)(?P<b>y)?|(?P<c>z)', 'xy x z'):
    print(m.span(), m.groups(), m.lastindex, m.lastgroup, m.groupdict())
m = re.match(r'((a)(b))', 'ab')
print(m.lastindex, m.lastgroup, re.match('a', 'a').lastindex, re.match('(?P<n>a)', 'a').lastgroup)
for bad in (lambda: re.sub('a', 'b', 5), lambda: re.sub('a', 5, 'a'), lambda: re.sub('(a)', r'\3', 'a'),
            lambda: re.subn('a', 'b', 'a', count='x')):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
