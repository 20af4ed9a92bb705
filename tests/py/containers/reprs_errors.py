# Reprs (including recursion guards) and exact error messages of the container types.
a = [1, 2]; a.append(a); print(a)
d = {"k": 1}; d["self"] = d; print(d)
print((1,), (), ((1,),), [()], {1: (2,)}, [[]], {})
print(set(), frozenset(), {5}, frozenset({5}), range(3), range(1, 10, 2), range(-1))
print(slice(1, 2), slice(None), slice(1, 2, 3), slice("a", None, [1]))
print({}.keys(), {1: 2}.values(), {1: 2, 3: 4}.items())
print(repr([1.5, "s", None, True, b"x"]))
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: [].pop())
err(lambda: [1].pop(5))
err(lambda: [1].remove(2))
err(lambda: [1].index(3))
err(lambda: (1,).index(3))
err(lambda: [1][2])
key = "a"
err(lambda: [1][key])
err(lambda: (1,)[2])
err(lambda: range(3)[5])
err(lambda: {}.popitem())
err(lambda: set().pop())
err(lambda: {1}.remove(2))
err(lambda: {1: 2}[3])
err(lambda: {}.pop("x"))
err(lambda: hash([]))
err(lambda: hash({}))
err(lambda: hash(set()))
err(lambda: {[]: 1})
err(lambda: {[]})
err(lambda: [1] + (1,))
err(lambda: (1,) + [1])
err(lambda: [1] * "a")
err(lambda: [1] * 1.5)
err(lambda: list(1, 2))
err(lambda: tuple(1, 2))
err(lambda: dict(1, 2))
err(lambda: set(1, 2))
err(lambda: list(x=1))
err(lambda: range())
err(lambda: range(1, 2, 3, 4))
err(lambda: range(1.5))
err(lambda: range(0, 10, 0))
err(lambda: dict([(1, 2, 3)]))
err(lambda: dict([1]))
err(lambda: dict([[1]]))
err(lambda: [1, 2][::0])
err(lambda: list(zip([1], [1, 2], strict=True)))
err(lambda: list(zip([1, 2], [1], strict=True)))
err(lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
err(lambda: list(zip([1], [1], [1, 2], strict=True)))
err(lambda: map(len))
err(lambda: filter(None))
err(lambda: reversed(1))
err(lambda: enumerate())
err(lambda: enumerate([], foo=1))
err(lambda: slice(1, 2).indices(-1))
err(lambda: sorted([1, "a"]))
err(lambda: [3, 1].sort(key=1))
err(lambda: frozenset().add)
def setitem():
    x = [1]; x[5] = 1
err(setitem)
def delitem():
    x = [1]; del x[5]
err(delitem)
def ext():
    b = [1, 2, 3]; b[::2] = [1]
err(ext)
def tupset():
    t = (1,); t[0] = 2
err(tupset)
def mutate():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0
err(mutate)
def mutate_set():
    s = {1, 2}
    for k in s:
        s.add(k + 10)
err(mutate_set)
def modified_sort():
    l = [3, 1, 2]
    l.sort(key=lambda x: l.append(x) or x)
err(modified_sort)
