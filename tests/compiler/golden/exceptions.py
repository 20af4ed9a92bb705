# try/except/else/finally, except-as name cleanup, raise forms, assert.
def f():
    try:
        a()
    except (ValueError, TypeError) as e:
        b(e)
    except KeyError:
        raise
    except:
        raise RuntimeError("x") from None
    else:
        c()
    finally:
        d()
    assert x, "message"
    try:
        return g()
    finally:
        h()
