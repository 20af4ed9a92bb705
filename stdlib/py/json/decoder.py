# stdlib/py/json/decoder.py: JSONDecoder and JSONDecodeError, a recursive-descent scanner with
# the accepted syntax, hooks and error messages (with line and column) of CPython 3.11's
# Lib/json/decoder.py and scanner.py. Without hooks, decoding runs the native _json.decode,
# which follows the rules written here.
try:
    from _json import decode as _native_decode
except ImportError:
    _native_decode = None

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = f'{msg}: line {lineno} column {colno} (char {pos})'
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
              't': '\t'}
_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'


def _skip_ws(s, end):
    n = len(s)
    while end < n and s[end] in _WHITESPACE:
        end += 1
    return end


def _decode_uxxxx(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        try:
            return int(esc, 16)
        except ValueError:
            pass
    raise JSONDecodeError('Invalid \\uXXXX escape', s, pos)


def scanstring(s, end, strict=True):
    # `end` is just past the opening quote; returns (text, index past the closing quote).
    chunks = []
    append = chunks.append
    begin = end - 1
    n = len(s)
    while True:
        start = end
        while end < n:
            ch = s[end]
            if ch == '"' or ch == '\\' or ch < ' ':
                break
            end += 1
        else:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if end > start:
            append(s[start:end])
        terminator = s[end]
        end += 1
        if terminator == '"':
            break
        if terminator != '\\':
            if strict:
                raise JSONDecodeError('Invalid control character at', s, end - 1)
            append(terminator)
            continue
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            char = _BACKSLASH.get(esc)
            if char is None:
                raise JSONDecodeError('Invalid \\escape', s, end - 1)
            end += 1
        else:
            uni = _decode_uxxxx(s, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                uni2 = _decode_uxxxx(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            char = chr(uni)
        append(char)
    return ''.join(chunks), end


class _Scanner:
    def __init__(self, decoder, s):
        self.s = s
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        self.memo = {}

    def value(self, idx):
        s = self.s
        if idx >= len(s):
            raise StopIteration(idx)
        ch = s[idx]
        if ch == '"':
            return scanstring(s, idx + 1, self.strict)
        if ch == '{':
            return self.object(idx + 1)
        if ch == '[':
            return self.array(idx + 1)
        if ch == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if ch == 't' and s.startswith('true', idx):
            return True, idx + 4
        if ch == 'f' and s.startswith('false', idx):
            return False, idx + 5
        if ch == '-' or ch in _DIGITS:
            result = self.number(idx)
            if result is not None:
                return result
        if ch == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if ch == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if ch == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        raise StopIteration(idx)

    # The number grammar -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? ; None when nothing matches.
    def number(self, idx):
        s = self.s
        n = len(s)
        end = idx
        if s[end] == '-':
            end += 1
        if end < n and s[end] == '0':
            end += 1
        elif end < n and s[end] in '123456789':
            end += 1
            while end < n and s[end] in _DIGITS:
                end += 1
        else:
            return None
        integer_end = end
        frac = exp = False
        if end + 1 < n and s[end] == '.' and s[end + 1] in _DIGITS:
            end += 2
            while end < n and s[end] in _DIGITS:
                end += 1
            frac = True
        if end < n and s[end] in 'eE':
            e = end + 1
            if e < n and s[e] in '+-':
                e += 1
            if e < n and s[e] in _DIGITS:
                e += 1
                while e < n and s[e] in _DIGITS:
                    e += 1
                end = e
                exp = True
        text = s[idx:end]
        if frac or exp:
            return self.parse_float(text), end
        return self.parse_int(text), integer_end

    def object(self, end):
        s = self.s
        pairs = []
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == '}':
                return self.finish_object(pairs), end + 1
            raise JSONDecodeError('Expecting property name enclosed in double quotes', s, end)
        end += 1
        while True:
            key, end = scanstring(s, end, self.strict)
            key = self.memo.setdefault(key, key)
            if s[end:end + 1] != ':':
                end = _skip_ws(s, end)
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1)
            try:
                value, end = self.value(end)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            pairs.append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, end - 1)
        return self.finish_object(pairs), end

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result

    def array(self, end):
        s = self.s
        values = []
        end = _skip_ws(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            try:
                value, end = self.value(end)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            values.append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        # Without hooks the native scanner applies (chosen here, as CPython makes its scanner).
        self._native = (_native_decode is not None and object_hook is None and parse_float is None
                        and parse_int is None and parse_constant is None and strict
                        and object_pairs_hook is None)

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        if self._native:
            obj, end = _native_decode(s, idx)
            if end < 0:
                raise JSONDecodeError(obj, s, -end - 1)
            return obj, end
        try:
            return _Scanner(self, s).value(idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
