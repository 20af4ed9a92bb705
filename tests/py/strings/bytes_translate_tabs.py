# bytes/bytearray expandtabs, istitle, maketrans and translate (missing before): results keep the
# receiver's type, and bad tables or arguments raise CPython's errors.
for b in (b"a\tbc\td", bytearray(b"x\ty\nz\tw"), b"\t", b"ab\r\tc"):
    print(repr(b.expandtabs()), repr(b.expandtabs(4)), repr(b.expandtabs(0)), repr(b.expandtabs(tabsize=1)))

for b in (b"Ab Cd", b"AB", b"Ab cd", b"", b"1A", b"A1b", bytearray(b"Hello World"), b"aB"):
    print(repr(b), b.istitle())

t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], type(bytearray.maketrans(b"", b"")))
print(b"aabbcc".translate(t), bytearray(b"abcd").translate(t), b"abcabc".translate(None, b"b"))
print(b"hello".translate(t, b"l"), b"hello".translate(None), b"hello".translate(t, delete=b"eo"))
print(bytearray(b"abc").translate(None, bytearray(b"a")), b"abc".translate(bytearray(t)))

for bad in (lambda: b"a".translate(b"short"), lambda: bytes.maketrans(b"ab", b"c"),
            lambda: b"a".translate("x" * 256), lambda: bytes.maketrans("a", "b"),
            lambda: b"a".expandtabs("4"), lambda: b"a".translate(None, "a")):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class B(bytes):
    pass


class S(str):
    pass


print(b"ab".__getnewargs__(), type(B(b"x").__getnewargs__()[0]), type(B(b"x").__bytes__()), bytes(B(b"q")))
print("ab".__getnewargs__(), type(S("x").__getnewargs__()[0]), b"x".__bytes__())
