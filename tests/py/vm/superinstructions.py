# The loop fuses common instruction pairs (LOAD_FAST+LOAD_FAST, LOAD_FAST+LOAD_CONST,
# LOAD_CONST+LOAD_FAST, STORE_FAST+LOAD_FAST, STORE_FAST+STORE_FAST). Each fused pair must still
# behave as its two instructions: values, errors raised by either half, and jumps that land on
# the second half.


def pairs(a, b):
    c = a + b          # LOAD_FAST a; LOAD_FAST b
    d = a - 1          # LOAD_FAST a; LOAD_CONST 1
    e = 10 * b         # LOAD_CONST 10; LOAD_FAST b
    f = c; g = f       # STORE_FAST f; LOAD_FAST f
    h, i = i, h = d, e # STORE_FAST twice
    return c, d, e, f, g, h, i


print(pairs(3, 4))


def second_unbound(flag):
    if flag:
        late = 1
    return flag + late     # LOAD_FAST flag; LOAD_FAST late: the second half raises


def first_unbound(flag):
    if flag:
        early = 1
    return early - 1       # LOAD_FAST early; LOAD_CONST 1: the first half raises


def store_then_unbound(flag):
    if flag:
        other = 2
    x = flag               # STORE_FAST x; LOAD_FAST other
    return other * x


def const_then_unbound(flag):
    if flag:
        z = 3
    return 7 - z           # LOAD_CONST 7; LOAD_FAST z


def halves_on_two_lines(flag):
    if flag:
        late = 1
    return (flag +
            late)          # the second half's own line is the one reported


for fn in (second_unbound, first_unbound, store_then_unbound, const_then_unbound,
           halves_on_two_lines):
    print(fn.__name__, fn(True))
    try:
        fn(False)
    except UnboundLocalError as exc:
        tb = exc.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(fn.__name__, "UnboundLocalError:", exc, "at line offset",
              tb.tb_lineno - fn.__code__.co_firstlineno)


def handled(flag):
    try:
        a = 1
        if flag:
            b = 2
        return a + b       # the second half raises inside the try
    except UnboundLocalError:
        return "handled"


print(handled(True), handled(False))


def pair_across_try_start(flag):
    x = 1                  # STORE_FAST x, outside the try ...
    try:
        return y + x       # ... fused with LOAD_FAST y, inside it: the handler must catch
    except UnboundLocalError:
        return "caught"
    finally:
        if flag:
            y = 0


print(pair_across_try_start(False))
x, x = 1, 2                # module level: STORE_NAME, no fusion; in a function, two STORE_FASTs


def same_target_twice():
    a, a = 1, 2
    return a


print(x, same_target_twice())


def lands_on_second(flag):
    a = 1
    if flag:
        b = 2          # STORE_FAST b, fused with the LOAD_FAST a after it
    return a + 1       # ... which is also where the `if` jumps when flag is false


print(lands_on_second(True), lands_on_second(False))


def loop(n):
    total = 0
    i = 0
    while i < n:
        total = total + i
        i = i + 1
    return total


print(loop(10), loop(0))


def swap_in_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(swap_in_loop(30))


def gen(n):
    x = 0
    while x < n:
        y = x
        yield y
        x = y + 1


print(list(gen(5)))
