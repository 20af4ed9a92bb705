# str.format / format_map / __format__ and % beyond the conformance corpus.
class P:
    x = 3
    items = {"k": [10, 20]}
print("{0.x}|{0.items[k][1]}|{p.x:>4}".format(P, p=P))
print("{:<6}|{:^6}|{:>6}|{:*<6}|{:.2}|{:6.3}|".format("ab", "ab", "ab", "ab", "abcdef", "abcdef"))
print("{:05}|{!a:>8}|{!r:^9}|".format("ab", "\xe9", "q"))
print("{0:{1}{2}}".format("z", ">", 4), "{:{}}".format("v", 3), "{{{}}}".format(7))
print("{name:{fill}^{w}}".format(name="mid", fill="-", w=9))
print("%(a)s-%(b)05.1f-%(a)r" % {"a": "x", "b": 2.25})
print("%s %(a)s" % {"a": 1})
print("%-6s|%6s|%.1s|%c|%c" % ("ab", "cd", "ef", 0x263A, "z"))
print("%+d % d %05d %-5d| %x %X %#o %.3d" % (5, 5, -5, 5, 255, 255, 8, 7))
print("%e|%E|%g|%G|%.0e|%#g|%10.4f|" % (1234.5, 0.00012, 1e-5, 1e20, 5.0, 1.0, 3.14159265))
print("%s|%r|%a" % ("é", "é", "é"))
print("%d|%i|%d" % (True, 3.99, -2.5), "%x" % 10**20, "%d" % 10**25)
print("%.3s|%5.2s|" % ("abcdef", "xyz"), "%*s|%-*s|" % (4, "a", 4, "b"))
print("%%|%5%|" % () if False else "%%|" % ())
print("abc" % [1], "abc" % {})
print(format("abc"), format("abc", ""), format("abc", "^9"), format("é", "*>3"))
print("{:}".format("x"), "{!s:}".format(1), "{0!s}".format(b"b"))
print(str.format("{}-{}", 1, 2), "x{0}x".format_map({}) if False else "x")
print("{0}{1}{0}".format("ab", "-"), "{.real}".format(3), "{[1]}".format("xyz"))
