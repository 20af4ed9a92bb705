# stdlib/py/re.py: the re module on PCRE2 (the native _pcre core). Python's pattern syntax is
# translated where PCRE2 differs (\Z, {,n}, \uXXXX); Pattern follows CPython 3.11's object,
# including the rules for empty matches in finditer/sub/split and sub's templates. Match objects
# and finditer's iterator are native (_pcre.Match).
import _pcre

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
           'compile', 'purge', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M', 'S',
           'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE',
           'UNICODE', 'NOFLAG', 'RegexFlag']


class RegexFlag(int):
    # A small stand-in for CPython's enum.IntFlag: ints that print as re.FLAG and combine with |.
    _names = {}

    def __new__(cls, value, name=None):
        self = int.__new__(cls, value)
        if name is not None:
            cls._names[value] = name
        return self

    def __repr__(self):
        value = int(self)
        if value in RegexFlag._names:
            return 're.' + RegexFlag._names[value]
        parts = [('re.' + name) for bit, name in sorted(RegexFlag._names.items())
                 if bit and value & bit == bit]
        rest = value
        for bit in RegexFlag._names:
            if parts and value & bit == bit:
                rest &= ~bit
        if rest or not parts:
            parts.append(hex(rest))
        return '|'.join(parts)

    __str__ = __repr__

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0, 'NOFLAG')
IGNORECASE = I = RegexFlag(2, 'IGNORECASE')
LOCALE = L = RegexFlag(4, 'LOCALE')
MULTILINE = M = RegexFlag(8, 'MULTILINE')
DOTALL = S = RegexFlag(16, 'DOTALL')
UNICODE = U = RegexFlag(32, 'UNICODE')
VERBOSE = X = RegexFlag(64, 'VERBOSE')
ASCII = A = RegexFlag(256, 'ASCII')
DEBUG = 128


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = f'{msg} (line {self.lineno}, column {self.colno})'
            else:
                msg = f'{msg} at position {pos}'
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


_HEX = '0123456789abcdefABCDEF'


# Rewrites the parts of Python's syntax PCRE2 reads differently; everything else passes through.
def _translate(pattern):
    out = []
    i = 0
    n = len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == '\\':
            if i + 1 >= n:
                raise error('bad escape (end of pattern)', pattern, i)
            nxt = pattern[i + 1]
            if nxt == 'Z' and not in_class:
                out.append('\\z')
                i += 2
                continue
            if nxt in 'uU':
                width = 4 if nxt == 'u' else 8
                digits = pattern[i + 2:i + 2 + width]
                if len(digits) != width or any(c not in _HEX for c in digits):
                    raise error(f'incomplete escape \\{nxt}{digits}', pattern, i)
                out.append('\\x{' + digits + '}')
                i += 2 + width
                continue
            if nxt.isascii() and nxt.isalpha() and nxt not in 'AbBdDsSwWnrtfvaxgkzZ0123456789NpPhHRXuUceEQGKl' and not in_class:
                raise error('bad escape \\' + nxt, pattern, i)
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == ']':
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == '[':
            in_class = True
            out.append(ch)
            i += 1
            # A ']' first in the set (after an optional '^') is a literal.
            if i < n and pattern[i] == '^':
                out.append('^')
                i += 1
            if i < n and pattern[i] == ']':
                out.append('\\]')
                i += 1
            continue
        if ch == '{' and pattern.startswith('{,', i):
            j = i + 2
            while j < n and pattern[j].isdigit():
                j += 1
            if j < n and pattern[j] == '}' and j > i + 2:
                out.append('{0,' + pattern[i + 2:j] + '}')
                i = j + 1
                continue
        out.append(ch)
        i += 1
    return ''.join(out)


def _options(flags):
    options = 0
    if flags & IGNORECASE:
        options |= _pcre.CASELESS
    if flags & MULTILINE:
        options |= _pcre.MULTILINE
    if flags & DOTALL:
        options |= _pcre.DOTALL
    if flags & VERBOSE:
        options |= _pcre.EXTENDED
    if not flags & ASCII:
        options |= _pcre.UCP
    return options


class Pattern:
    def __init__(self, pattern, flags):
        if isinstance(pattern, (bytes, bytearray)):
            raise TypeError('eddy\'s re supports str patterns only')
        if not isinstance(pattern, str):
            raise TypeError('first argument must be string or compiled pattern')
        if flags & ASCII and flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        if not flags & ASCII:
            flags |= UNICODE
        self.pattern = pattern
        self.flags = int(flags)
        code = _pcre.compile(_translate(pattern), _options(flags), _pcre.PcrePattern, self)
        if isinstance(code, tuple):
            raise error(code[0], pattern, code[1])
        self._code = code
        self.groups = code.groups()
        self.groupindex = code.groupindex()

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        shown = int(self.flags) & ~UNICODE
        if shown:
            return f're.compile({text}, {RegexFlag(shown)!r})'
        return f're.compile({text})'

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))

    def _run(self, string, pos, endpos, mode):
        if endpos is None:
            endpos = len(string) if isinstance(string, str) else 0
        return self._code.match(string, pos, endpos, mode)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        if endpos is None:
            endpos = len(string) if isinstance(string, str) else 0
        return self._code.finditer(string, pos, endpos)

    def _expand_match(self, match, template):
        return _expand(_parse_template(template, self), match)

    def findall(self, string, pos=0, endpos=None):
        if endpos is None or endpos > len(string):
            endpos = len(string)
        return self._code.findall(string, max(pos, 0), endpos)

    def split(self, string, maxsplit=0):
        pieces = []
        last = 0
        count = 0
        for m in self.finditer(string):
            if maxsplit and count >= maxsplit:
                break
            start, end = m.span()
            pieces.append(string[last:start])
            pieces.extend(m.groups())
            last = end
            count += 1
        pieces.append(string[last:])
        return pieces

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            if not isinstance(repl, str):
                # CPython's wording: it tries to decode a non-str template as bytes first.
                raise TypeError(f"decoding to str: need a bytes-like object, {type(repl).__name__} found")
            if not isinstance(string, str):
                raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
            # A template needs no Match objects: the native loop expands it.
            return self._code.sub(_parse_template(repl, self), string, count)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            start, end = m.span()
            pieces.append(string[last:start])
            pieces.append(expand(m))
            last = end
            n += 1
        pieces.append(string[last:])
        return ''.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError('Pattern.scanner')

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Match = _pcre.Match


_TEMPLATE_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a',
                     'b': '\b', '\\': '\\'}


# A replacement template as a list of literal strs and group numbers (sre_parse's
# parse_template rules: \g<name>, \g<n>, \N, octal escapes, standard escapes, bad escapes).
def _parse_template(template, pattern):
    parts = []
    literal = []
    i = 0
    n = len(template)
    while i < n:
        ch = template[i]
        if ch != '\\':
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', template, i)
        nxt = template[i + 1]
        group = None
        if nxt == 'g':
            close = template.find('>', i + 3)
            if i + 2 >= n or template[i + 2] != '<':
                raise error('missing <', template, i + 2)
            if close < 0:
                raise error('missing >, unterminated name', template, i + 3)
            name = template[i + 3:close]
            if not name:
                raise error('missing group name', template, i + 3)
            if name.isdigit():
                group = int(name)
                if group > pattern.groups:
                    raise error(f'invalid group reference {group}', template, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError(f"unknown group name '{name}'")
                group = pattern.groupindex[name]
            else:
                raise error(f"bad character in group name '{name}'", template, i + 3)
            i = close + 1
        elif nxt == '0':
            j = i + 2
            while j < n and j < i + 4 and template[j] in '01234567':
                j += 1
            literal.append(chr(int(template[i + 1:j], 8)))
            i = j
            continue
        elif nxt.isdigit():
            j = i + 2
            if j < n and template[j].isdigit():
                j += 1
                if (j < n and template[j] in '01234567' and template[i + 1] in '01234567'
                        and template[i + 2] in '01234567'):
                    value = int(template[i + 1:j + 1], 8)
                    if value > 0o377:
                        raise error(f'octal escape value \\{template[i + 1:j + 1]} outside of '
                                    'range 0-0o377', template, i)
                    literal.append(chr(value))
                    i = j + 1
                    continue
            group = int(template[i + 1:j])
            if group > pattern.groups:
                raise error(f'invalid group reference {group}', template, i + 1)
            i = j
        elif nxt in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[nxt])
            i += 2
            continue
        elif nxt.isascii() and nxt.isalpha():
            raise error('bad escape \\' + nxt, template, i)
        else:
            literal.append('\\' + nxt)
            i += 2
            continue
        if literal:
            parts.append(''.join(literal))
            literal = []
        parts.append(group)
    if literal or not parts:
        parts.append(''.join(literal))
    return parts


def _expand(template, match):
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        else:
            text = match.group(part)
            if text is not None:
                out.append(text)
    return ''.join(out)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    compiled = _cache.get(key)
    if compiled is None:
        compiled = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


_SPECIAL = {c: '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join([_SPECIAL.get(c, c) for c in pattern])
    raise TypeError('eddy\'s re.escape supports str only')
