# stdlib/py/_frozen_test: a tiny embedded package that tests the import of Python-source modules
# compiled into the binary (as CPython ships __phello__ for its frozen-module tests).
from . import sub
from .inner import leaf_name

greeting = "hello from " + __name__


def fail():
    return sub.divide(1, 0)
