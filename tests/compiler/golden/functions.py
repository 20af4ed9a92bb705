# Parameters of every kind, defaults, closures, nonlocal, decorators, lambda.
@dec1
@dec2(arg)
def f(a, b=1, /, c=2, *args, d, e=3, **kw):
    def g():
        nonlocal a
        a += 1
        return a + b
    return g
h = lambda x, y=2: x + y + z
def outer():
    v = 1
    return lambda: v
