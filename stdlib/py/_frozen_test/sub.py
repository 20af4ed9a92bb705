# stdlib/py/_frozen_test/sub.py: a submodule of the test package, imported relatively.
def divide(a, b):
    return a / b
