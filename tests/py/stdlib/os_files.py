# os, os.path and open(): directories, files in every mode, seek/tell, iteration, errors.
import os
import os.path

base = '/tmp/eddy_os_files_' + str(os.getpid())
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
start = os.getcwd()
os.chdir(base)
print(os.path.isdir('a'), os.path.isfile('a'), os.path.exists('nope'), sorted(os.listdir('.')))

with open('t.txt', 'w') as f:
    print(f.write('first line\n'), f.writable(), f.readable(), f.mode, f.name)
    f.writelines(['second\n', 'caf\u00e9 \u2603\n', 'no newline'])
with open('t.txt') as f:
    print(f.readline(), end='')
    print(f.tell(), repr(f.read(6)), f.readlines())
with open('t.txt', encoding='utf-8') as f:
    print([line.rstrip('\n') for line in f], f.closed)
print(f.closed, os.path.getsize('t.txt'), os.stat('t.txt').st_size)
with open('t.txt', 'a') as f:
    f.write('\nappended')
with open('t.txt', 'r+') as f:
    f.seek(0, 2)
    end = f.tell()
    f.seek(0)
    f.write('FIRST')
    f.seek(0)
    print(end, f.read().splitlines())
with open('b.bin', 'wb') as f:
    f.write(bytes(range(10)))
    f.write(bytearray(b'\r\n\xff'))
with open('b.bin', 'rb') as f:
    print(f.read(3), f.tell(), f.seek(-2, 2), f.read(), f.seek(1), f.read(2))
with open('b.bin', 'rb') as f:
    print(list(f))
with open('crlf.txt', 'wb') as f:
    f.write(b'one\r\ntwo\rthree\n')
with open('crlf.txt') as f:
    print(repr(f.read()))
with open('crlf.txt', newline='') as f:
    print(f.readlines())
try:
    open('x.txt', 'x').close()
    open('x.txt', 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.filename)
for bad in (lambda: open('missing.txt'), lambda: open('a'), lambda: os.remove('missing.txt'),
            lambda: os.rmdir('a'), lambda: os.mkdir('a'), lambda: open('t.txt', 'rw'),
            lambda: open('t.txt', 'rb', encoding='utf-8'), lambda: os.listdir('missing')):
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
f = open('t.txt')
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
with open('t.txt', 'w') as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__)
os.rename('t.txt', 'u.txt')
print(os.path.exists('t.txt'), os.path.exists('u.txt'))
for name in ('u.txt', 'b.bin', 'crlf.txt', 'x.txt'):
    os.remove(name)
print([(os.path.relpath(d, base), sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base)])
os.rmdir(os.path.join('a', 'b'))
os.rmdir('a')
os.chdir(start)
os.rmdir(base)
print(os.path.exists(base), os.getcwd() == start)

print(os.path.join('a', 'b', '/c', 'd'), os.path.join('a/', 'b'), os.path.split('/x/y/z.txt'), os.path.split('name'))
print(os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('a.b/c'), os.path.basename('/a/b/'))
print(os.path.dirname('/a/b/c'), os.path.dirname('c'), os.path.normpath('/a/./b/../c//d/'), os.path.normpath('../x/..'))
print(os.path.isabs('/a'), os.path.abspath('/a/b/../c'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
os.environ['EDDY_TEST_VAR'] = 'yes'
print(os.getenv('EDDY_TEST_VAR'), os.environ.get('EDDY_NOPE'), os.getenv('EDDY_NOPE', 'dflt'), 'EDDY_TEST_VAR' in os.environ)
del os.environ['EDDY_TEST_VAR']
print(os.getenv('EDDY_TEST_VAR'), os.sep, os.linesep == '\n', os.name)
