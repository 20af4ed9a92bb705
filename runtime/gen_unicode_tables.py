# runtime/gen_unicode_tables.py: writes runtime/unicode_tables.inc, the character-property and
# case-mapping tables behind unicode.cpp, from the running CPython's own str predicates (so eddy
# answers isalpha(), upper(), ... exactly as CPython 3.11 / Unicode 14 does). Run with python3.11:
#     python3 runtime/gen_unicode_tables.py > runtime/unicode_tables.inc
import sys
import unicodedata

MAX = 0x110000
# Property bits; unicode.hpp mirrors these names (CharProp).
PROPS = [
    ("Alpha", str.isalpha), ("Decimal", str.isdecimal), ("Digit", str.isdigit),
    ("Numeric", str.isnumeric), ("Space", str.isspace), ("Printable", str.isprintable),
    ("Lower", str.islower), ("Upper", str.isupper),
    ("Cased", lambda c: c.lower() != c or c.upper() != c or c.islower() or c.isupper()
        or unicodedata.category(c) == "Lt"),
    ("CaseIgnorable", lambda c: unicodedata.category(c) in ("Mn", "Me", "Cf", "Lm", "Sk")
        or c in "'.:^`\u00ad\u00b7\u0387\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a"),
    ("XidStart", lambda c: ("a" + c).isidentifier() and c.isidentifier()),
    ("XidContinue", lambda c: ("a" + c).isidentifier()),
    ("Title", lambda c: unicodedata.category(c) == "Lt"),
]


def prop_mask(c):
    m = 0
    for bit, (_, fn) in enumerate(PROPS):
        if fn(c):
            m |= 1 << bit
    return m


def emit_numbers(name, ctype, numbers, per_line=12):
    print(f"static constexpr {ctype} {name}[] = {{")
    for i in range(0, len(numbers), per_line):
        print("    " + ", ".join(str(n) for n in numbers[i:i + per_line]) + ",")
    print("};")


def prop_ranges():
    out, prev = [], None
    for cp in range(MAX):
        c = chr(cp)
        m = 0 if 0xD800 <= cp < 0xE000 else prop_mask(c)
        if m != prev:
            out += [cp, m]
            prev = m
    return out


def simple_map(fn):
    # (start, end, delta, stride) runs of code points whose 1:1 mapping differs from themselves.
    pairs = []
    for cp in range(MAX):
        if 0xD800 <= cp < 0xE000:
            continue
        r = fn(chr(cp))
        if len(r) == 1 and ord(r) != cp:
            pairs.append((cp, ord(r) - cp))
    runs = []
    for cp, d in pairs:
        if runs:
            s, e, rd, st = runs[-1]
            if rd == d and (st == 0 or cp - e == st) and cp - e in (1, 2):
                runs[-1] = [s, cp, d, cp - e]
                continue
        runs.append([cp, cp, d, 0])
    flat = []
    for s, e, d, st in runs:
        flat += [s, e, d, st or 1]
    return flat


def special_map(fn):
    # Code points whose full mapping is several code points: cp, then up to 3 code points (0 pad).
    flat = []
    for cp in range(MAX):
        if 0xD800 <= cp < 0xE000:
            continue
        r = fn(chr(cp))
        if len(r) > 1:
            assert len(r) <= 3
            flat += [cp] + [ord(x) for x in r] + [0] * (3 - len(r))
    return flat


def main():
    assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
    print("// generated from runtime/gen_unicode_tables.py by CPython", sys.version.split()[0],
          f"(Unicode {unicodedata.unidata_version}); do not edit.")
    print("// Property bits, in order:", ", ".join(n for n, _ in PROPS))
    emit_numbers("PropRanges", "uint32_t", prop_ranges())
    for name, fn in (("Lower", str.lower), ("Upper", str.upper), ("Title", str.title),
                     ("Fold", str.casefold)):
        emit_numbers(f"{name}Runs", "int32_t", simple_map(fn))
        emit_numbers(f"{name}Special", "uint32_t", special_map(fn))


main()
