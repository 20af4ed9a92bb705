# sys: version_info, implementation, streams, exit codes, recursion limit, exc_info; time basics.
import sys, time
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), sys.version.startswith("3.11"))
print(sys.implementation.name in ("cpython", "eddy"), sys.platform, sys.byteorder, sys.maxsize == 2 ** 63 - 1)
print(type(sys.argv).__name__, type(sys.path).__name__, sys.modules["sys"] is sys, "builtins" in sys.modules)
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
print(sys.exc_info() == (None, None, None))
for code in [None, 0, 2, "bye", (1, 2)]:
    try:
        sys.exit(code) if code is not None else sys.exit()
    except SystemExit as e:
        print("exit", repr(e.code), e.args)
print(sys.stdout.write("x\n"), sys.stderr.write(""), sys.stdout.flush())
print(isinstance(sys.getsizeof([]), int), sys.get_int_max_str_digits(), sys.intern("ab") == "ab")
t = time.gmtime(0)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_wday, t.tm_yday, t[:6], len(t))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)), time.asctime(time.gmtime(10 ** 9)))
print(time.gmtime(1700000000))
lt = time.localtime()
print(abs(time.mktime(lt) - time.time()) < 2, type(time.time_ns()).__name__, time.perf_counter_ns() > 0)
print(time.process_time() >= 0, time.monotonic() <= time.monotonic())
for bad in [lambda: time.sleep(-1), lambda: time.sleep("1")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
