# abs, divmod, pow, round, bin/oct/hex, chr/ord with CPython's edge cases and messages.
print(abs(-5), abs(2.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod(-7.5, 2), divmod(2 ** 70, 7))
print(divmod(1, 0.5), divmod(0.0, -1), divmod(5, 2.0))
print(pow(2, 10), pow(2, -1), pow(2, 100), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(5, 3, -7))
print(pow(2.0, 3), pow(4, 0.5), pow(10, 20, 1), pow(0, 0))
print(round(0.5), round(1.5), round(2.675, 2), round(-1.5), round(7, -1), round(15, -1), round(25, -1))
print(round(3.14159, 3), round(1e20), round(-0.4), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(bin(0), bin(5), bin(-5), oct(0), oct(8), oct(-8), hex(0), hex(4095), hex(-4095), hex(2 ** 80))
print(bin(True), hex(-2 ** 64))
print(chr(65), chr(0x263A), ord("A"), ord("\u263a"), ord(b"z"))
for bad in [lambda: abs("x"), lambda: divmod("a", 1), lambda: divmod(1, 0), lambda: divmod(1.0, 0),
            lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, -1, 4), lambda: round("x"),
            lambda: hex(1.5), lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
