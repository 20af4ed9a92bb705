# lower(), upper() and casefold() of ASCII text map each byte on their own: every ASCII
# character, the letters' neighbours ('@', '[', '`', '{'), and mixed, empty and one-char text.
every = "".join(chr(i) for i in range(128))
for f in (str.lower, str.upper, str.casefold, str.swapcase, str.title, str.capitalize):
    print(f.__name__, ascii(f(every)))
for t in ["", "a", "Z", "@[`{", "Hello, World 42!", "aZ" * 20, "mIxEd_CaSe-123"]:
    print(repr(t.lower()), repr(t.upper()), repr(t.casefold()), t.lower() == t.casefold())
