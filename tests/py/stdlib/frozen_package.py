# Python-source modules embedded in the binary (stdlib/py/): a package, its submodules, nested
# packages and relative imports. The .exp is written by hand: _frozen_test exists only in eddy.
import sys
import _frozen_test
import _frozen_test.sub as sub
from _frozen_test.inner import half, leaf_name

print(_frozen_test.greeting)
print(leaf_name, half, sub.divide(6, 3))
print(_frozen_test.__path__, _frozen_test.__package__, sub.__package__, sub.__name__)
print('_frozen_test.inner' in sys.modules, _frozen_test.inner is sys.modules['_frozen_test.inner'])
try:
    _frozen_test.fail()
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(type(e).__name__, tb.tb_frame.f_code.co_filename, tb.tb_lineno)
try:
    import _frozen_test.missing
except ModuleNotFoundError as e:
    print(e)
