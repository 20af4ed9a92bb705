# Deeply nested containers: comparison and repr refuse with RecursionError (as CPython's
# Py_EnterRecursiveCall does) instead of exhausting the native stack; shallow nesting still works.


def nest_list(n):
    a = []
    for _ in range(n):
        a = [a]
    return a


def nest_tuple(n):
    t = ()
    for _ in range(n):
        t = (t,)
    return t


def nest_dict(n):
    d = {}
    for _ in range(n):
        d = {"k": d}
    return d


def attempt(label, f):
    try:
        print(label, f())
    except RecursionError as e:
        print(label, "RecursionError:", e)


deep_a, deep_b = nest_list(100000), nest_list(100000)
attempt("list ==", lambda: deep_a == deep_b)
attempt("list <", lambda: deep_a < deep_b)
attempt("list !=", lambda: deep_a != deep_b)
ta, tb = nest_tuple(100000), nest_tuple(100000)
attempt("tuple ==", lambda: ta == tb)
attempt("tuple in list", lambda: ta in [tb])
da, db = nest_dict(100000), nest_dict(100000)
attempt("dict ==", lambda: da == db)
attempt("repr list", lambda: len(repr(deep_a)))
attempt("repr tuple", lambda: len(repr(ta)))
attempt("repr dict", lambda: len(repr(da)))
attempt("str list", lambda: len(str(deep_a)))

# Shallow enough to fit under the default limit.
attempt("shallow ==", lambda: nest_list(200) == nest_list(200))
attempt("shallow tuple ==", lambda: nest_tuple(200) == nest_tuple(200))
attempt("shallow repr", lambda: len(repr(nest_list(200))))
attempt("shallow differ", lambda: nest_list(200) == nest_list(201))

# The limit is back to normal afterwards: ordinary recursion still goes as deep as before.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


attempt("recursion after", lambda: depth(900))
