# `module.name(...)` sites remember where the module's dict holds the name: a rebound, deleted
# or shadowed attribute, a module __getattr__, a module-type method and a non-module receiver at
# the same site must all still be looked up afresh, as CPython does.
import math
import sys

mod = type(sys)("m")
mod.f = lambda: "first"


def call_f(m):
    return m.f()


print([call_f(mod) for _ in range(3)])
mod.f = lambda: "second"
print(call_f(mod))
for i in range(3):
    mod.__dict__["pad%d" % i] = i   # grows the dict: the remembered position may move
del mod.f
mod.f = lambda: "third"
print(call_f(mod))
del mod.f
try:
    call_f(mod)
except AttributeError as e:
    print("AttributeError", e)
mod.__getattr__ = lambda name: (lambda: "from __getattr__ " + name)
print(call_f(mod))


class Obj:
    def f(self):
        return "method"


print([call_f(x) for x in (mod, Obj(), mod, Obj())])
print(mod.__dir__() == dir(mod), math.floor(2.5), [math.sqrt(x) for x in (4, 9)])
