# Comprehensions are functions called with the first iterator; walrus binds outside.
def f(xs, ys):
    a = [x * y for x in xs if x for y in ys]
    b = {x for x in xs}
    c = {k: v for k, v in xs}
    d = (x for x in xs)
    e = [last := x for x in xs]
    return a, b, c, d, e, last
