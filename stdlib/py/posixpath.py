# stdlib/py/posixpath.py: os.path for POSIX (join, split, basename, dirname, splitext, exists,
# isfile, isdir, abspath, normpath, ...) with the results of CPython 3.11's Lib/posixpath.py.
import _os

__all__ = ['abspath', 'basename', 'commonprefix', 'dirname', 'exists', 'expanduser', 'getsize',
           'getmtime', 'isabs', 'isdir', 'isfile', 'islink', 'join', 'lexists', 'normpath',
           'realpath', 'relpath', 'split', 'splitext', 'sep', 'curdir', 'pardir', 'extsep',
           'pathsep', 'altsep', 'devnull']

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
altsep = None
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    if hasattr(p, '__fspath__'):
        return p.__fspath__()
    raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')


def isabs(s):
    return _fspath(s).startswith('/')


def join(a, *p):
    a = _fspath(a)
    path = a
    for b in map(_fspath, p):
        if not isinstance(b, str) or not isinstance(a, str):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def basename(p):
    p = _fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def _stat(path):
    try:
        return _os.stat(path)
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat(path) is not None


def lexists(path):
    try:
        _os.stat(path, False)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    st = _stat(path)
    return st is not None and st[0] & 0o170000 == 0o100000


def isdir(s):
    st = _stat(s)
    return st is not None and st[0] & 0o170000 == 0o040000


def islink(path):
    try:
        st = _os.stat(path, False)
    except (OSError, ValueError):
        return False
    return st[0] & 0o170000 == 0o120000


def getsize(filename):
    return _os.stat(filename)[6]


def getmtime(filename):
    return _os.stat(filename)[11]


def normpath(path):
    path = _fspath(path)
    if not path:
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == '..'):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    return abspath(filename)


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    start = curdir if start is None else start
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = _os.environ().get('HOME')
        if home is None:
            return path
    else:
        return path
    home = home.rstrip('/')
    return (home + path[i:]) or '/'
