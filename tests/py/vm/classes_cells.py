# Class bodies, __class__ cells and zero-argument super(), closures and nonlocal.
class A:
    x = 1
    def who(self):
        return "A"
    def cls(self):
        return __class__.__name__
class B(A):
    y = [x * 2 for x in range(3)]
    def who(self):
        return "B>" + super().who()
print(B().who(), B().cls(), B.y, B.x)
def make():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
i = make()
print(i(), i(), i())
def outer(a):
    def mid(b):
        def inner(c):
            return a + b + c
        return inner
    return mid
print(outer(1)(2)(3))
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)
class T(metaclass=Meta, tag="hi"):
    pass
print(T.tag, type(T).__name__)
class WithDoc:
    "doc here"
print(WithDoc.__doc__, WithDoc.__qualname__, WithDoc.__module__)
def f():
    "fdoc"
print(f.__doc__, f.__name__, f.__qualname__)
class Ctx:
    def __enter__(self):
        print("enter")
        return "val"
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is KeyError
with Ctx() as v:
    print("body", v)
with Ctx():
    raise KeyError
print("after")
try:
    with 5:
        pass
except TypeError as e:
    print(e)
