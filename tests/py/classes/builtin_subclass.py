# Subclassing built-in types: list, dict, int, str, Exception; super() into built-in methods.
class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3).push(4)
s.label = "stack"
print(s, len(s), s.peek(), s.label, isinstance(s, list), type(s).__name__)
print(s + [5], sorted(Stack([3, 1, 2])))

class DefaultDict(dict):
    def __missing__(self, key):
        return f"missing-{key}"
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)
d = DefaultDict()
d["a"] = 1
print(d["a"], d["zz"], len(d), list(d.keys()))

class Money(int):
    def __repr__(self):
        return f"Money({int(self)})"
    def __add__(self, other):
        return Money(int(self) + int(other))
m = Money(5)
print(m, m + 3, m * 2, isinstance(m, int), m == 5, hash(m) == hash(5))

class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hey")
print(u.shout(), u + "x", len(u), u == "hey", type(u).__name__)

class Counted:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
print(bool(Counted()), len(Counted()))

print(int.__add__(2, 3), list.__len__([1, 2]), object.__repr__(None) == repr(None))
print(str.upper("abc"), dict.__getitem__({"k": 1}, "k"), hasattr(list, "__len__"))
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2))
x = [1]
list.__setitem__(x, 0, 9)
print(x, (1).__add__(2), int.__mul__(3, 4))
