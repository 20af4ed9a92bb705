# Operators, chained comparisons, boolean short-circuits, conditional expressions, literals.
x = a + b * -c ** 2
y = a < b <= c
z = a and b or not c
w = a if b else c
t = (1, 2, (3, -4.5)), [1, 2, 3], {1: 'a', 2: 'b'}, {a: b, **c}
s = [*a, b], {*a}, (*a, b)
v = a[1:2], a[::3], a[i, j:k]
f = f"{a!r:>{width}} and {b}" f"{c=}"
n = (m := 10) + m
if a is not None and b not in c:
    pass
