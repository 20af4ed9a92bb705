# print(): sep, end, file=, flush; writes through a user object with .write; errors.
import sys
print("a", "b", "c")
print("a", "b", sep="")
print("x", end="")
print(" y", end="!\n")
print(1, 2.5, None, [1, "s"], sep=" | ")
print()
print(sep="-")
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
c = Collect()
print("one", 2, sep=",", end=";", file=c)
print(c.parts)
print("sep none", sep=None, end=None)
for kw in [{"sep": 1}, {"end": 2}]:
    try:
        print("x", **kw)
    except TypeError as e:
        print(e)
n = sys.stdout.write("abc\n")
print(n)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
