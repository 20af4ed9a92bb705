# Attributes and str() of the built-in exception classes, notes, tracebacks and groups.
e = StopIteration(5)
print(e.value, StopIteration().value, e.args)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
k = KeyError("key")
print(str(k), repr(k), str(KeyError()), str(KeyError(1, 2)))
o = OSError(2, "No such file or directory", "missing.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, str(o), o.args)
print(str(OSError("plain")), OSError(13, "Denied").__class__.__name__, str(OSError(13, "Denied")))
print(isinstance(FileNotFoundError(), OSError), FileNotFoundError.__mro__[1].__name__)
s = SyntaxError("bad syntax", ("prog.py", 3, 5, "x = = 1\n", 3, 6))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset)
print(str(s), str(SyntaxError("only msg")), repr(SyntaxError("m")))
i = ImportError("no module", name="mod", path="/x")
print(i.name, i.path, i.msg, str(i), ImportError().name)
print(ModuleNotFoundError("m", name="m").name)
a = AttributeError("nope", name="attr", obj=5)
print(a.name, a.obj, str(a))
n = NameError("x undefined", name="x")
print(n.name, n.args)
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason)
print(str(u))
print(str(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")))
err = ValueError("with note")
err.add_note("first note")
err.add_note("second")
print(err.__notes__)
try:
    err.add_note(3)
except TypeError as te:
    print(te)
try:
    ValueError().__notes__
except AttributeError as ae:
    print(ae)
try:
    raise ValueError("tb")
except ValueError as caught:
    tb = caught.__traceback__
    print(type(tb).__name__, caught.with_traceback(None) is caught, caught.__traceback__)
x = RuntimeError("a")
x.__cause__ = KeyError("b")
print(repr(x.__cause__), x.__suppress_context__)
x.__suppress_context__ = False
print(x.__suppress_context__)
try:
    x.__cause__ = 5
except TypeError as te:
    print(te)
x.args = [1, 2]
print(x.args, str(x))
g = ExceptionGroup("many", [ValueError(1), TypeError(2)])
print(str(g), g.message, g.exceptions, type(g).__name__, isinstance(g, Exception))
bg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(Exception.__bases__, KeyError.__mro__)
try:
    ValueError(x=1)
except TypeError as te:
    print(te)
