# Searches for a one-byte needle (found with memchr alone) next to longer ones: count, find,
# split, replace and `in` at the edges of the text, within start/end windows, with limits, and
# in non-ASCII text; and f-string fields of ints (formatted without int.__format__).
texts = ["", "a", "aa", "abca", "xaxbxcx", "é:a:é", "::", "a\nb\n\nc", "ééaéé"]
for t in texts:
    print(repr(t), t.count("a"), t.count(":"), t.count("é"), t.count("ab"), t.count(""))
    print(" ", t.find("a"), t.find("x", 1), t.find("a", 1, 3), t.find("a", -2), t.rfind("a"))
    print(" ", t.split(":"), t.split(":", 1), t.split("\n"), t.split("x", 2), t.rsplit(":", 1))
    print(" ", t.replace("a", "4"), t.replace("a", "", 1), t.replace("x", "yy", 2), t.replace("é", "e"))
    print(" ", "a" in t, ":" in t, "é" in t, "ca" in t)
print("abcabc".count("a", 1), "abcabc".count("a", 0, 3), "abcabc".count("c", -1))
print("a,b,,c,".split(","), ",".split(","), "abc".split("c"), "cab".split("c"))
print("a.b.c".replace(".", "..", 0), "a.b.c".replace(".", "..", -1), "...".replace(".", "-", 2))
big = "\n".join(str(i) for i in range(1000))
print(len(big.split("\n")), big.count("\n"), big.count("9"), big.find("999"), big.replace("\n", "").count("1"))

class I(int):
    def __format__(self, spec):
        return "I" + spec

n = 7
print(f"{n}", f"{-n}", f"{0}", f"{n * 10**20}", f"{n!r}", f"{n!s}", f"{n:>4}", f"{n:x}")
print(f"{True}", f"{False!r}", f"{1.5}", f"{I(3)}", f"{I(3):q}", f"{-2**62}|{2**62 - 1}")
