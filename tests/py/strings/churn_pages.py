# Short-lived strs of many sizes made across many collections, with some kept alive: the
# allocator reuses the pages emptied by one collection without clearing them, so kept strs and
# new ones must never share or see each other's bytes.
kept = []
check = 0
for i in range(60000):
    w = "ab" * (i % 40) + str(i)
    s = f"{w}-{i}:{w.upper()}:{i % 13}"
    t = s.replace("a", "é") if i % 7 == 0 else s.lower()
    parts = t.split(":")
    line = " ".join([parts[0], parts[-1], "x" * (i % 300)])
    if i % 997 == 0:
        kept.append((i, line, t))
    check += len(line) + line.count("b") + ord(line[1])
print(check)
ok = True
for i, line, t in kept:
    w = "ab" * (i % 40) + str(i)
    s = f"{w}-{i}:{w.upper()}:{i % 13}"
    want_t = s.replace("a", "é") if i % 7 == 0 else s.lower()
    want = " ".join([want_t.split(":")[0], want_t.split(":")[-1], "x" * (i % 300)])
    if line != want or t != want_t:
        ok = False
        print("mismatch", i)
print(len(kept), ok)
acc = ""
for i in range(5000):
    acc += "é" if i % 3 == 0 else "a"
    if len(acc) > 100:
        print(len(acc), acc.count("é"), acc[:3])
        acc = ""
print(repr(acc[-5:]), len(acc))
