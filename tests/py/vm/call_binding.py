# Argument binding: every parameter kind and CPython's exact TypeError messages.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, sorted(kw.items()))
print(f(1, 2, 3, e=5))
print(f(1, 2, 3, 4, 5, 6, e=7, g=8))
print(f(1, 2, c=3, e=5, a=9))
def g(a, b): return a + b
def h(a, b=2, *, k): return a, b, k
def p(a, /): return a
class C:
    def m(self, x): return x
for call in [lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, 2, z=3), lambda: g(1, a=1),
             lambda: h(1), lambda: h(1, 2, 3), lambda: h(1, 2, 3, k=1), lambda: p(a=1),
             lambda: g(), lambda: h(), lambda: C().m(), lambda: C().m(1, 2), lambda: g(*[1], **{'b': 2, 'a': 3})]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
def kwo(*, a, b, c): pass
try:
    kwo()
except TypeError as e:
    print(e)
def three(a, b, c): pass
try:
    three()
except TypeError as e:
    print(e)
print(g(*(1,), **{'b': 5}), g(*[3, 4]))
