# stdlib/py/_frozen_test/inner: a nested package whose relative import climbs two levels.
from ..sub import divide

leaf_name = __name__ + " in " + __package__
half = divide(1, 2)
