# Generators: yield, yield from, yield as an expression, return value.
def gen(it):
    x = yield
    y = yield x + 1
    r = yield from it
    return r
