# Exception context/cause chaining, bare raise, exception variables, finally ordering.
def show(e):
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, "| context:",
          type(e.__context__).__name__, "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    show(e)
try:
    try:
        [][1]
    except IndexError as ie:
        raise ValueError("v") from ie
except ValueError as e:
    show(e)
try:
    try:
        {}["x"]
    except KeyError:
        raise TypeError("t") from None
except TypeError as e:
    show(e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraiser():
    try:
        raise OSError("os")
    except OSError:
        print("handling")
        raise
try:
    reraiser()
except OSError as e:
    print("reraised", e, e.__traceback__ is not None)
def fin():
    try:
        return "try"
    finally:
        print("finally runs")
print(fin())
def fin2():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return "done"
print(fin2())
try:
    x = 1
    del x
    print(x)
except NameError as e:
    print(type(e).__name__, e)
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
import sys
try:
    raise ValueError("inside")
except ValueError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyErr(3)
except MyErr as e:
    print(e, e.code, e.args)
try:
    raise 42
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
a, b = 1, 2
for bad in [lambda: [x for x in 1], lambda: (lambda a, b: 0)(*[1, 2, 3])]:
    try:
        bad()
    except TypeError as e:
        print(e)
for seq in [(1, 2, 3), (1,), 5]:
    try:
        a, b = seq
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, b, *c, d = (1, 2)
except ValueError as e:
    print(e)
a, *b, c = range(5)
print(a, b, c)
