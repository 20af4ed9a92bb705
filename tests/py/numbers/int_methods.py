# int methods and attributes: bit_length/bit_count, to_bytes/from_bytes, ratios, rounding.
for n in [0, 1, -1, 7, -8, 255, 2 ** 64, -(2 ** 64) + 1, 10 ** 30]:
    print(n, n.bit_length(), n.bit_count(), n.real, n.imag, n.numerator, n.denominator)
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True))
print((255).to_bytes(1, 'big'), (-128).to_bytes(1, 'big', signed=True), (0).to_bytes(0, 'big'))
print((2 ** 70).to_bytes(9, 'big'), (5).to_bytes())
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff' * 10, 'big'))
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'', 'big'), int.from_bytes(b'\x80', signed=True))
for args in [(256, 1, 'big'), (-1, 1, 'big'), (5, 2, 'middle'), (128, 1, 'big', True)]:
    try:
        n, length, order = args[:3]
        print(n.to_bytes(length, order, signed=len(args) > 3))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((7).as_integer_ratio(), (-3).conjugate(), (True).as_integer_ratio())
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, -1))
print(round(15, -1), round(7, 3), round(-(10 ** 20) - 50, -2), round(12345, -10))
print(int.__trunc__(5), (5).__floor__(), (5).__ceil__(), (-5).__index__())
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64))
print(hash(-(2 ** 64)), hash(10 ** 40), hash(-(10 ** 40)), hash(2 ** 100 + 12345))
print(hash(True), hash(False), hash(2 ** 47), hash(-(2 ** 47)), hash(2 ** 47 - 1))
print(int(), int(5), int(-5.9), int('  42\n'), int('-0b101', 0), int(b'77'), int('zz', 36))
print(int('1_000_000'), int('0_0', 0), int('0x_ff', 16), int('+12'), int(True))
class I:
    def __index__(self):
        return 42
class T:
    def __trunc__(self):
        return 7
class N:
    def __int__(self):
        return 9
print(int(I()), int(N()), bin(I()), 10 + int(I()))
for bad in ['12a', '', ' ', '_1', '1_', '1__0', '0x', '08', '0b2', '1.0', '++1']:
    try:
        print(int(bad, 0))
    except ValueError as e:
        print(e)
for args in [('12', 1), ('12', 37), (12, 10)]:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    int([])
except TypeError as e:
    print(e)
print(2 ** 47, -(2 ** 47), 2 ** 47 - 1, -(2 ** 47) - 1, (2 ** 47) * 2 // 2)
x = 2 ** 47 - 1
print(x + 1, x * x, -x - 2, x << 1, x << 20, (x + 1) >> 1, -(x + 1) >> 1)
print(type(2 ** 48 // 2 ** 20).__name__, 2 ** 48 // 2 ** 20, 2 ** 48 - 2 ** 48 == 0)
