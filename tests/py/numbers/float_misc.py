# float methods, parsing, hashing, rounding and special values.
for s in ['1.5', '  -2e3 ', 'inf', '-Infinity', 'nan', '.5', '5.', '1_0.5', '1e-400', '1e400',
          '0x10', '1__0', '_1', '1_', '1e', 'e5', '', '1.5.2', ' + 1', 'infinit', '-nan']:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(e)
print(float(b' 2.5 '), float(True), float(2 ** 60), float(-3))
for v in [0.0, -0.0, 0.5, 1.5, -2.5, 1e-300, 1e300, 3.14159, 2.0 ** 60, float('inf'), float('-inf'),
          1 / 3, 123456789.123, 2.0 ** -1074]:
    print(repr(v), hash(v), v.is_integer(), v.hex(), v.conjugate(), v.real, v.imag)
for v in [0.5, 0.25, 10.0, -1.75, 3.14159, 1e-10, 2.0 ** 70]:
    print(v.as_integer_ratio())
for v in [2.675, 1.005, 0.125, 0.375, 2.5, 3.5, -0.5, 1234.5678, 0.0, -0.0, 1e300, 5e-324, 123.456]:
    print(v, [round(v, n) for n in (-3, -1, 0, 1, 2, 3, 10)], round(v))
print(round(1.5e300, -299), round(9.999e307, -308))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print(e)
print((-2.5).__floor__(), (2.5).__ceil__(), (-2.5).__trunc__(), int(-2.5))
print(hash(0.5) == hash(1) // 2, hash(1.0) == hash(1), hash(-1.0), hash(2.0 ** 64) == hash(2 ** 64))
print(5.0 // 0.3, 5.0 % 0.3, divmod(5.0, 0.3), divmod(-5.0, 0.3), -5.0 % -0.3, 1e300 // 1e-300)
print(2.0 ** 0.5, (-8.0) ** (1 / 3), (-2.0) ** 3, (-2.0) ** -2, 0.0 ** 0, float('nan') ** 0)
print(float('inf') ** -1, (-float('inf')) ** 3, 1.0 ** float('nan'), 2 ** -1.5, (-1) ** 0.5)
print(pow(2.0, 3), pow(-2.0, 2), 10 ** -3, (-10) ** -3)
print(1e308 + 1e308, -1e308 * 10, 1e-320 / 1e10, 3.0 * 0.1, 7.0 / 2, 7 / 2.0)
print(0.1 + 0.7, 1.1 + 2.2, 1e16 + 1, 2 ** 53 + 1.0)
print(float.fromhex('0x1.8p1') if hasattr(float, 'fromhex') else 3.0)
