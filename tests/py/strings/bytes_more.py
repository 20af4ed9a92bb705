# bytes and bytearray beyond the lexical corpus.
b = b"Hello, World"
print(b.lower(), b.upper(), b.swapcase(), b.title(), b"hello".capitalize())
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.count(b"l"), b.index(b"W"), b.count(b""))
print(b.split(b", "), b"a  b c".split(), b"a,b,c".rsplit(b",", 1), b"x\ny\r\nz".splitlines())
print(b.startswith(b"He"), b.endswith((b"x", b"ld")), b.replace(b"l", b"L", 2))
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"ab".center(6, b"*"), b"7".zfill(3))
print(b.partition(b", "), b.rpartition(b"o"), b"-".join([b"a", bytearray(b"b")]))
print(b"abc".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2), bytes.fromhex("de ad be ef"))
print(b"abc"[::-1], b"abc"[1:], b"abc"[-1], list(b"hi"), b"a" * 3, 2 * b"xy")
print(b"abc" < b"abd", b"a" == bytearray(b"a"), b"a" == "a", hash(b"abc") == hash(b"ab" + b"c"))
print(bytes(4), bytes([1, 2]), bytes(b"x"), bytes("\xe9", "latin-1"), bytes(range(3)))
print(b"isdigit".isalpha(), b"123".isdigit(), b" \t".isspace(), b"Ab1".isalnum(), b"ab".islower())
print(b"%s|%d|%5.2f|%c|%c|%r|%x" % (b"s", 5, 2.5, 65, b"B", "é", 255))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba[0] = 65
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba.insert(1, 90)
ba.remove(99)
print(ba, ba[1:3], ba.upper(), ba.find(b"Z"), 90 in ba, bytes(ba))
ba[1:3] = b"xyz"
del ba[0]
print(ba, ba.copy(), ba + b"!", ba * 2)
ba.reverse()
print(ba, repr(bytearray()), bytearray(3), bytearray("é", "utf-8"))
ba += b"++"
print(ba, ba.decode(), ba.hex())
for x in b"ab":
    print(x, end=" ")
print()
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"a\xffb".decode("ascii", "ignore"))
print(b"a\xffb".decode("utf-8", "backslashreplace"), "é€".encode("ascii", "xmlcharrefreplace"))
print("é".encode("ascii", "backslashreplace"), "x".encode("Latin1"), "y".encode("UTF8"))
