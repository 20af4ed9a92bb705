# min/max/sum/sorted/all/any: iterable and *args forms, key=, default=, fast paths and errors.
print(max([3, 1, 2]), min([3, 1, 2]), max(3, 1, 2), min("b", "a", "c"))
print(max([1, 2, 3], key=lambda v: -v), min(["aa", "b", "ccc"], key=len))
print(max([], default="none"), min((), default=None), max([5], default=0))
print(max([1, 1.0]), max([1.0, 1]), min([2, 1, 1.0]))
for bad in [lambda: max([]), lambda: min(()), lambda: max(), lambda: max(1, 2, default=0), lambda: max(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([1, 0.5]), sum([0.5, 1]))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([[1], [2]], []), sum((True, True, 1)))
print(sum(range(100000)), sum([1e308, 1e308]), sum([], 0.0))
for start in ["", b"", bytearray()]:
    try:
        sum(["a"], start)
    except TypeError as e:
        print(e)
print(sorted([3, 1, 2]), sorted("hello", reverse=True), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted(["bb", "a", "ccc"], key=len), sorted({3: 1, 1: 2}), sorted(x * x for x in range(-3, 3)))
print(all([]), all([1, 0]), any([]), any([0, "", 3]), all(x < 5 for x in range(5)))
print(any(x > 2 for x in [1, 2, 3, 4]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
