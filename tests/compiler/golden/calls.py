# Plain, keyword, starred and method calls.
f(a, b)
f(a, key=1, other=2)
f(*args)
f(a, *args, k=1, **kw)
f(**kw, k=2)
o.m(1, 2)
o.m(1, k=2)
o.m(*a)
