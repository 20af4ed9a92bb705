# io.StringIO and io.BytesIO.
import io

s = io.StringIO()
print(s.write('hello\n'), s.write('world'), s.getvalue(), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s = io.StringIO('a\nb\nc')
print(list(s), s.seek(2), s.read(1), s.truncate(3), repr(s.getvalue()))
s.seek(1)
s.write('XY')
print(s.getvalue())
with io.StringIO('x') as t:
    print(t.read())
try:
    t.read()
except ValueError as e:
    print(e)
b = io.BytesIO(b'abc\ndef')
print(b.read(2), b.readline(), b.tell(), b.seek(0, 2), b.write(b'!!'), b.getvalue())
b.seek(1)
b.write(b'ZZ')
print(b.getvalue(), b.seek(-1, 2), b.read(), list(io.BytesIO(b'1\n2\n')))
try:
    io.StringIO().write(b'x')
except TypeError as e:
    print(e)
print(print('to a StringIO', file=(buf := io.StringIO())), repr(buf.getvalue()))
