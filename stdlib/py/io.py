# stdlib/py/io.py: open() and the io classes on top of _os file descriptors: FileIO (raw),
# BufferedFile (binary files), TextIOWrapper (UTF-8 text with universal newlines on read),
# StringIO and BytesIO, with CPython 3.11's modes, errors and messages. builtins.open calls
# io.open.
import _os

__all__ = ['open', 'StringIO', 'BytesIO', 'TextIOWrapper', 'FileIO', 'BufferedReader',
           'BufferedWriter', 'IOBase', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR',
           'SEEK_END', 'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192
_CHUNK = 65536


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    closed = False

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_closed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_closed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def close(self):
        self.closed = True

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def _unsupported(self, name):
        raise UnsupportedOperation(name)


def _parse_mode(mode):
    if not isinstance(mode, str):
        raise TypeError(f'open() argument \'mode\' must be str, not {type(mode).__name__}')
    modes = set(mode)
    if modes - set('axrwb+t') or len(mode) > len(modes):
        raise ValueError(f'invalid mode: {mode!r}')
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    return creating, reading, writing, appending, updating, binary


class FileIO(IOBase):
    def __init__(self, file, mode='r', closefd=True):
        creating, reading, writing, appending, updating, _ = _parse_mode(mode.replace('b', '') + 'b')
        self._readable = reading or updating
        self._writable = creating or writing or appending or updating
        self._appending = appending
        if reading and not updating:
            flags = _os.O_RDONLY
        elif not reading and not updating:
            flags = _os.O_WRONLY
        else:
            flags = _os.O_RDWR
        if creating:
            flags |= _os.O_CREAT | _os.O_EXCL
        elif writing:
            flags |= _os.O_CREAT | _os.O_TRUNC
        elif appending:
            flags |= _os.O_CREAT | _os.O_APPEND
        self.name = file
        self._closefd = closefd
        if isinstance(file, int):
            if file < 0:
                raise ValueError('negative file descriptor')
            self._fd = file
        else:
            self._fd = _os.open(file, flags, 0o666)
            try:
                st = _os.stat(self._fd)
                if st[0] & 0o170000 == 0o040000:
                    raise IsADirectoryError(21, 'Is a directory', file)
            except BaseException:
                _os.close(self._fd)
                raise
        if appending:
            _os.lseek(self._fd, 0, SEEK_END)
        self.mode = _raw_mode(creating, reading, writing, appending, updating)

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def seekable(self):
        self._check_closed()
        return True

    def fileno(self):
        self._check_closed()
        return self._fd

    def isatty(self):
        self._check_closed()
        return _os.isatty(self._fd)

    def read(self, size=-1):
        self._check_closed()
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')
        if size is None or size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        chunks = []
        while True:
            chunk = _os.read(self._fd, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
        return b''.join(chunks)

    def write(self, data):
        self._check_closed()
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')
        return _os.write(self._fd, data)

    def seek(self, pos, whence=0):
        self._check_closed()
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._check_closed()
        return _os.lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def close(self):
        if not self.closed:
            self.closed = True
            if self._closefd:
                _os.close(self._fd)


def _raw_mode(creating, reading, writing, appending, updating):
    if creating:
        return 'xb+' if updating else 'xb'
    if appending:
        return 'ab+' if updating else 'ab'
    if reading:
        return 'rb+' if updating else 'rb'
    return 'rb+' if updating else 'wb'


class BufferedFile(IOBase):
    # A binary file: reads go through a buffer (so readline is cheap), writes are collected and
    # flushed before any read, seek, tell or close.
    def __init__(self, raw, mode):
        self.raw = raw
        self.mode = mode
        self._rbuf = b''
        self._wbuf = []
        self._wsize = 0

    @property
    def name(self):
        return self.raw.name

    @property
    def closed(self):
        return self.raw.closed

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def _check_readable(self):
        self._check_closed()
        if not self.raw._readable:
            raise UnsupportedOperation('read')
        self._flush_writes()

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            data = self._rbuf + self.raw.readall()
            self._rbuf = b''
            return data
        while len(self._rbuf) < size:
            chunk = _os.read(self.raw._fd, max(_CHUNK, size - len(self._rbuf)))
            if not chunk:
                break
            self._rbuf += chunk
        data = self._rbuf[:size]
        self._rbuf = self._rbuf[size:]
        return data

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, size=0):
        self._check_readable()
        if not self._rbuf:
            self._rbuf = _os.read(self.raw._fd, _CHUNK)
        return self._rbuf

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        while True:
            end = self._rbuf.find(b'\n')
            if end >= 0 or (0 <= size <= len(self._rbuf)):
                break
            chunk = _os.read(self.raw._fd, _CHUNK)
            if not chunk:
                break
            self._rbuf += chunk
        end = self._rbuf.find(b'\n')
        cut = len(self._rbuf) if end < 0 else end + 1
        if 0 <= size < cut:
            cut = size
        line = self._rbuf[:cut]
        self._rbuf = self._rbuf[cut:]
        return line

    def write(self, data):
        self._check_closed()
        if not self.raw._writable:
            raise UnsupportedOperation('write')
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if self._rbuf:
            # Writing after reading: put the raw position back where the reader is.
            _os.lseek(self.raw._fd, -len(self._rbuf), SEEK_CUR)
            self._rbuf = b''
        data = bytes(data)
        self._wbuf.append(data)
        self._wsize += len(data)
        if self._wsize >= _CHUNK:
            self._flush_writes()
        return len(data)

    def _flush_writes(self):
        if self._wbuf:
            data = b''.join(self._wbuf)
            self._wbuf = []
            self._wsize = 0
            self.raw.write(data)

    def flush(self):
        self._check_closed()
        self._flush_writes()

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence not in (0, 1, 2):
            raise ValueError(f'whence value {whence} unsupported')
        self._flush_writes()
        if whence == 1:
            pos -= len(self._rbuf)
        self._rbuf = b''
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check_closed()
        return self.raw.tell() - len(self._rbuf) + self._wsize

    def truncate(self, size=None):
        self._check_closed()
        self._flush_writes()
        if size is None:
            size = self.tell()
        self._rbuf = b''
        return self.raw.truncate(size)

    def close(self):
        if not self.raw.closed:
            try:
                self._flush_writes()
            finally:
                self.raw.close()

    def __repr__(self):
        return f'<_io.{type(self).__name__} name={self.name!r}>'


class BufferedReader(BufferedFile):
    pass


class BufferedWriter(BufferedFile):
    pass


class BufferedRandom(BufferedFile):
    pass


def _complete_utf8(data):
    # The length of the longest prefix of `data` that does not end inside a UTF-8 sequence.
    n = len(data)
    i = n - 1
    while i >= 0 and i >= n - 3 and data[i] & 0xC0 == 0x80:
        i -= 1
    if i < 0:
        return n
    lead = data[i]
    need = 1 if lead < 0x80 else 2 if lead >> 5 == 6 else 3 if lead >> 4 == 14 else 4 if lead >> 3 == 30 else 1
    return n if n - i >= need else i


class TextIOWrapper(IOBase):
    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False):
        if encoding is None or encoding.lower().replace('_', '-') in ('utf-8', 'utf8', 'locale'):
            encoding = 'utf-8' if encoding is None or encoding == 'locale' else encoding
        self.buffer = buffer
        self.encoding = encoding
        self.errors = errors or 'strict'
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline}')
        self._newline = newline
        self._decoded = ''
        self._pending = b''
        self._eof = False

    @property
    def name(self):
        return self.buffer.name

    @property
    def mode(self):
        return self._mode

    @property
    def closed(self):
        return self.buffer.closed

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def _translate(self, text):
        if self._newline is None:
            return text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def _fill(self):
        # Decodes one more chunk; False at end of file.
        if self._eof:
            return False
        chunk = self.buffer.read(_CHUNK)
        if not chunk:
            self._eof = True
            if self._pending:
                tail = self._pending
                self._pending = b''
                self._decoded += self._translate(tail.decode(self.encoding, self.errors))
            return False
        data = self._pending + chunk
        if self._newline is None and data.endswith(b'\r'):
            # A '\r' might be the first half of '\r\n': keep it for the next chunk.
            cut = len(data) - 1
        else:
            cut = _complete_utf8(data)
        self._pending = data[cut:]
        self._decoded += self._translate(data[:cut].decode(self.encoding, self.errors))
        return True

    def _check_readable(self):
        self._check_closed()
        if not self.buffer.raw._readable:
            raise UnsupportedOperation('not readable')

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            while self._fill():
                pass
            text = self._decoded
            self._decoded = ''
            return text
        while len(self._decoded) < size and self._fill():
            pass
        text = self._decoded[:size]
        self._decoded = self._decoded[size:]
        return text

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        ends = ('\n',) if self._newline in (None, '', '\n') else (self._newline,)
        while True:
            end = self._find_end()
            if end >= 0 or (0 <= size <= len(self._decoded)):
                break
            if not self._fill():
                break
        end = self._find_end()
        cut = len(self._decoded) if end < 0 else end
        if 0 <= size < cut:
            cut = size
        line = self._decoded[:cut]
        self._decoded = self._decoded[cut:]
        return line

    def _find_end(self):
        # The index just past the first line ending in the decoded text, or -1.
        text = self._decoded
        if self._newline == '':
            for i, ch in enumerate(text):
                if ch == '\n':
                    return i + 1
                if ch == '\r':
                    if i + 1 < len(text):
                        return i + 2 if text[i + 1] == '\n' else i + 1
                    return -1 if not self._eof else i + 1
            return -1
        sep = '\n' if self._newline is None else self._newline
        i = text.find(sep)
        return -1 if i < 0 else i + len(sep)

    def write(self, text):
        self._check_closed()
        if not isinstance(text, str):
            raise TypeError(f'write() argument must be str, not {type(text).__name__}')
        if not self.buffer.raw._writable:
            raise UnsupportedOperation('not writable')
        data = text
        if self._newline not in (None, '', '\n') and '\n' in data:
            data = data.replace('\n', self._newline)
        self._discard_read_ahead()
        self.buffer.write(data.encode(self.encoding, self.errors))
        return len(text)

    def _discard_read_ahead(self):
        if self._decoded or self._pending:
            unread = len(self._decoded.encode(self.encoding, self.errors)) + len(self._pending)
            self.buffer.seek(-unread, SEEK_CUR)
            self._decoded = ''
            self._pending = b''
        self._eof = False

    def tell(self):
        self._check_closed()
        unread = len(self._decoded.encode(self.encoding, self.errors)) + len(self._pending)
        return self.buffer.tell() - unread

    def seek(self, cookie, whence=0):
        self._check_closed()
        if whence == 1 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence == 1:
            return self.tell()
        self._decoded = ''
        self._pending = b''
        self._eof = False
        if whence == 2:
            return self.buffer.seek(0, 2)
        if cookie < 0:
            raise ValueError(f'negative seek position {cookie}')
        return self.buffer.seek(cookie, 0)

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self.tell()
        self._discard_read_ahead()
        return self.buffer.truncate(size)

    def flush(self):
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            self.buffer.close()

    def detach(self):
        buffer = self.buffer
        self.buffer = None
        return buffer

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self._mode!r} encoding='{self.encoding}'>"


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
         opener=None):
    if not isinstance(file, (str, bytes, int)):
        if hasattr(file, '__fspath__'):
            file = file.__fspath__()
        else:
            raise TypeError(f'expected str, bytes or os.PathLike object, not {type(file).__name__}')
    creating, reading, writing, appending, updating, binary = _parse_mode(mode)
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    raw = FileIO(file, mode, closefd)
    if updating:
        buffer = BufferedRandom(raw, raw.mode)
    elif reading:
        buffer = BufferedReader(raw, raw.mode)
    else:
        buffer = BufferedWriter(raw, raw.mode)
    if binary:
        return buffer
    text = TextIOWrapper(buffer, encoding, errors, newline)
    text._mode = mode
    return text


class StringIO(IOBase):
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        self._chunks = [initial_value]
        self._text = None
        self._pos = 0

    def _check_closed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file')

    def _value(self):
        if self._text is None:
            self._text = ''.join(self._chunks)
            self._chunks = [self._text]
        return self._text

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def getvalue(self):
        self._check_closed()
        return self._value()

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got \'{type(s).__name__}\'')
        if not s:
            return 0
        text = self._value()
        if self._pos == len(text):
            self._chunks.append(s)
            self._text = None
        else:
            if self._pos > len(text):
                text += '\0' * (self._pos - len(text))
            self._text = text[:self._pos] + s + text[self._pos + len(s):]
            self._chunks = [self._text]
        self._pos += len(s)
        return len(s)

    def read(self, size=-1):
        self._check_closed()
        text = self._value()
        if size is None or size < 0:
            size = len(text)
        result = text[self._pos:self._pos + size]
        self._pos += len(result)
        return result

    def readline(self, size=-1):
        self._check_closed()
        text = self._value()
        end = text.find('\n', self._pos)
        end = len(text) if end < 0 else end + 1
        if size is not None and 0 <= size < end - self._pos:
            end = self._pos + size
        result = text[self._pos:end]
        self._pos = max(self._pos, end)
        return result

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._value())
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f'Negative size value {size}')
        self._text = self._value()[:size]
        self._chunks = [self._text]
        return size

    def close(self):
        self.closed = True


class BytesIO(IOBase):
    def __init__(self, initial_bytes=b''):
        self._data = bytearray(initial_bytes if initial_bytes is not None else b'')
        self._pos = 0

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def getvalue(self):
        self._check_closed()
        return bytes(self._data)

    def getbuffer(self):
        self._check_closed()
        return self._data

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        end = self._pos + len(b)
        if self._pos > len(self._data):
            self._data.extend(b'\0' * (self._pos - len(self._data)))
        self._data[self._pos:end] = b
        self._pos = end
        return len(b)

    def read(self, size=-1):
        self._check_closed()
        if size is None or size < 0:
            size = len(self._data)
        result = bytes(self._data[self._pos:self._pos + size])
        self._pos += len(result)
        return result

    read1 = read

    def readline(self, size=-1):
        self._check_closed()
        end = self._data.find(b'\n', self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and 0 <= size < end - self._pos:
            end = self._pos + size
        result = bytes(self._data[self._pos:end])
        self._pos = max(self._pos, end)
        return result

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'negative seek value {pos}')
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._data) + pos)
        else:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        del self._data[size:]
        return size

    def close(self):
        self.closed = True
