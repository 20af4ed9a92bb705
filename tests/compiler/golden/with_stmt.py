# with: multiple items, `as` targets, return from inside.
def f(m, n):
    with m as a, n as (b, c):
        body(a, b, c)
    with m:
        return 1
