# NaN objects: each float("nan") is a distinct object for `is`, `in` and container equality.
import math
nan = float("nan")
lst = [nan]
print(nan in lst, lst == lst, [nan] == [nan], [float("nan")] == [float("nan")])
print(nan is nan, float("nan") is float("nan"), nan == nan, repr(nan), repr(-nan), math.copysign(1, float("-nan")))
d = {nan: 1}
print(d[nan], nan in d, float("nan") in d, hash(nan) == hash(nan))
x = math.inf - math.inf
print(x, x == x, x is x, str(float("nan")), f"{nan:.2f}", math.isnan(nan))
s = {nan, nan, float("nan")}
print(len(s))
print(sorted([3.0, 1.0]), max(1.0, 2.0), float("nan") != float("nan"))
