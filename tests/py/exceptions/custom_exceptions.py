# User exception classes: custom __init__/__str__/__repr__, attributes, hierarchy, super().
class AppError(Exception):
    """Base of the app's errors."""
    code = 1
class DbError(AppError):
    code = 2
    def __init__(self, table, *rest):
        super().__init__(f"db failure on {table}", *rest)
        self.table = table
class Pretty(AppError):
    def __str__(self):
        return "pretty<" + ",".join(map(str, self.args)) + ">"
    def __repr__(self):
        return "Pretty!"
class NoSuper(AppError):
    def __init__(self, a, b):
        self.total = a + b
for exc in [DbError("users"), DbError("t", 42), Pretty(1, 2), NoSuper(1, 2), AppError()]:
    print(type(exc).__name__, exc.args, str(exc), repr(exc), exc.code)
try:
    raise DbError("orders")
except AppError as e:
    print("caught", e.table, e, e.__class__.__mro__[1].__name__, AppError.__doc__)
print(DbError("x").__dict__, hasattr(DbError("x"), "table"))
class KeyLike(KeyError):
    pass
print(str(KeyLike("k")), repr(KeyLike("k")))
class WithValue(StopIteration):
    pass
print(WithValue(3).value)
class MyOSError(OSError):
    pass
print(type(MyOSError(2, "x")).__name__, MyOSError(2, "x").errno)
e = ValueError("v")
e.extra = "attached"
print(e.extra, vars(e) if False else e.__dict__)
def thrower():
    raise Pretty("a")
try:
    thrower()
except Exception as exc:
    print(f"{exc!r} / {exc!s} / {exc}")
