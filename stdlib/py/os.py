# stdlib/py/os.py: the os module on the native _os core: environ, getenv, getcwd, chdir,
# listdir, mkdir/makedirs, remove, rename, rmdir, removedirs, stat, walk, the fd functions, and
# os.path (posixpath), as CPython 3.11's Lib/os.py presents them.
import _os
import sys
import posixpath as path

sys.modules['os.path'] = path

from _os import (getcwd, chdir, listdir, mkdir, rmdir, remove, rename, open, close, read,
                 write, lseek, ftruncate, isatty, strerror, getpid, urandom, access,
                 O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, SEEK_SET,
                 SEEK_CUR, SEEK_END, F_OK, R_OK, W_OK, X_OK)

name = 'posix'
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
pathsep = path.pathsep
altsep = path.altsep
defpath = path.defpath
devnull = path.devnull
linesep = '\n'
unlink = remove
error = OSError


class stat_result:
    # The ten classic fields by index (st[6] is the size), all of them by name; the times by
    # name are floats, as in CPython's struct sequence.
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
              'st_atime', 'st_mtime', 'st_ctime')

    def __init__(self, values):
        self._fields = tuple(values[:10])
        self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid, \
            self.st_size = values[:7]
        self.st_atime, self.st_mtime, self.st_ctime = values[10:13]

    def __getitem__(self, index):
        return self._fields[index]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._fields)

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._fields == other._fields
        return self._fields == other

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(
            f'{n}={v!r}' for n, v in zip(self._names, self._fields)) + ')'


def stat(path, *, follow_symlinks=True):
    return stat_result(_os.stat(path, follow_symlinks))


def lstat(path):
    return stat_result(_os.stat(path, False))


def fstat(fd):
    return stat_result(_os.stat(fd))


class _Environ(dict):
    # A dict snapshot of the environment whose changes are passed on to the process.
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        if not isinstance(value, str):
            raise TypeError(f'str expected, not {type(value).__name__}')
        _os.putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        _os.unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            value = dict.__getitem__(self, key)
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def clear(self):
        for key in list(self):
            del self[key]

    def copy(self):
        return dict(self)

    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'


environ = _Environ(_os.environ())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _os.putenv(key, value)


def unsetenv(key):
    _os.unsetenv(key)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def replace(src, dst):
    rename(src, dst)


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for entry in names:
        if path.isdir(path.join(top, entry)):
            dirs.append(entry)
        else:
            nondirs.append(entry)
    if topdown:
        yield top, dirs, nondirs
    for entry in dirs:
        new_path = path.join(top, entry)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    if hasattr(type(p), '__fspath__'):
        result = p.__fspath__()
        if isinstance(result, (str, bytes)):
            return result
        raise TypeError(f'expected {type(p).__name__}.__fspath__() to return str or bytes, '
                        f'not {type(result).__name__}')
    raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')


class PathLike:
    pass


def get_terminal_size(fd=1):
    return (80, 24)


def cpu_count():
    return None
