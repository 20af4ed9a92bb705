# replace() writes its result in one pass and split() sizes its list up front: the edge cases
# (empty old, count limits, non-ASCII text, str subclasses, overlapping separators) must match.
print("aaa".replace("a", "bb"), "aXbXc".replace("X", "", 1), "abc".replace("", "-"))
print("abc".replace("", "-", 2), "abc".replace("z", "y"), "abc".replace("", "-", 0))
print("é-é".replace("-", "€"), len("é-é".replace("-", "€")), "aaaa".replace("aa", "b"))
print("x".replace("x", "x", 0), "ab".replace("ab", ""), "".replace("", "x"), "".replace("a", "b"))


class S(str):
    pass


print(type(S("ab").replace("z", "y")), type(S("ab").replace("", "y", 0)), type(S("ab").replace("a", "y")))
print("a:b::c".split(":"), "a:b::c".rsplit(":", 1), "aaa".rsplit("aa"), "aaa".split("aa"))
print("".split(":"), "::".split(":"), "a:b:c".split(":", 0), "a:b:c".split(":", 1), "a:b:c".rsplit(":", 5))
print(f"{3}{-5}{2**50}{True}{'s'}", str(-0), str(12345678901234), str(S("q")), type(str(S("q"))))
print(hash("abcdefgh"), hash("abcdefghijklmnopq"), hash("héllo"), hash(b"abcdefghij"), hash("x" * 64))
print({"abcdefghi": 1}, repr("".join([])), "".join(["solo"]), "-".join("abc"))
