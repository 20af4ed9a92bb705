# stdlib/py/json/encoder.py: JSONEncoder, producing CPython's exact text: separators, indent,
# sort_keys, ensure_ascii escapes (surrogate pairs above U+FFFF), float repr and the
# Infinity/NaN spellings, and its TypeError/ValueError messages. encode() runs the native
# _json.encode, which follows this file's rules; iterencode() runs the Python code here.
try:
    from _json import encode as _native_encode
except ImportError:
    _native_encode = None

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b',
            '\f': '\\f'}


def _escape_char(ch, ascii_only):
    special = _ESCAPES.get(ch)
    if special is not None:
        return special
    n = ord(ch)
    if n < 0x20 or (ascii_only and n > 0x7e):
        if n < 0x10000:
            return f'\\u{n:04x}'
        n -= 0x10000
        return f'\\u{0xd800 | (n >> 10):04x}\\u{0xdc00 | (n & 0x3ff):04x}'
    return ch


def _needs_escape(s, ascii_only):
    for ch in s:
        if ch in _ESCAPES or ch < ' ' or (ascii_only and ch > '~'):
            return True
    return False


def py_encode_basestring_ascii(s):
    if not _needs_escape(s, True):
        return '"' + s + '"'
    return '"' + ''.join([_escape_char(ch, True) for ch in s]) + '"'


def py_encode_basestring(s):
    if not _needs_escape(s, False):
        return '"' + s + '"'
    return '"' + ''.join([_escape_char(ch, False) for ch in s]) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii

INFINITY = float('inf')


class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        if _native_encode is not None:
            indent = self.indent
            if indent is not None and not isinstance(indent, str):
                indent = ' ' * indent
            return _native_encode(o, self.ensure_ascii, self.allow_nan, self.sort_keys,
                                  self.skipkeys, self.check_circular, indent,
                                  self.item_separator, self.key_separator, self.default)
        chunks = self.iterencode(o)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        chunks = []
        _Encoding(self, chunks).encode(o, 0)
        return chunks


class _Encoding:
    # One encode() call: the options resolved once, output appended to `chunks`.
    def __init__(self, encoder, chunks):
        self.encoder = encoder
        self.chunks = chunks
        self.markers = {} if encoder.check_circular else None
        self.string = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.encoder.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def encode(self, o, level):
        append = self.chunks.append
        if isinstance(o, str):
            append(self.string(o))
        elif o is None:
            append('null')
        elif o is True:
            append('true')
        elif o is False:
            append('false')
        elif isinstance(o, int):
            append(int.__repr__(o))
        elif isinstance(o, float):
            append(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            self.enter(o)
            self.encode(self.encoder.default(o), level)
            self.leave(o)

    def enter(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[id(o)] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    # Returns the separator to put between items, writing the opening newline and indent.
    def open(self, bracket, level):
        append = self.chunks.append
        if self.indent is None:
            append(bracket)
            return self.item_separator, None
        newline_indent = '\n' + self.indent * (level + 1)
        append(bracket + newline_indent)
        return self.item_separator + newline_indent, '\n' + self.indent * level

    def encode_list(self, lst, level):
        if not lst:
            self.chunks.append('[]')
            return
        self.enter(lst)
        separator, closing = self.open('[', level)
        first = True
        for value in lst:
            if not first:
                self.chunks.append(separator)
            first = False
            self.encode(value, level + 1)
        if closing is not None:
            self.chunks.append(closing)
        self.chunks.append(']')
        self.leave(lst)

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.encoder.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def encode_dict(self, dct, level):
        if not dct:
            self.chunks.append('{}')
            return
        self.enter(dct)
        separator, closing = self.open('{', level)
        items = sorted(dct.items()) if self.encoder.sort_keys else dct.items()
        first = True
        append = self.chunks.append
        for key, value in items:
            key = self.key_text(key)
            if key is None:
                continue
            if not first:
                append(separator)
            first = False
            append(self.string(key))
            append(self.key_separator)
            self.encode(value, level + 1)
        if closing is not None:
            append(closing)
        append('}')
        self.leave(dct)
