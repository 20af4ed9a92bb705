# Loops with else, break and continue, including through try/finally and with.
def loops(xs):
    for x in xs:
        if x:
            continue
        if not x:
            break
    else:
        done()
    while n > 0:
        n -= 1
    else:
        over()
    while True:
        try:
            if x:
                break
            continue
        finally:
            cleanup()
    for x in xs:
        with lock:
            if x:
                return x
