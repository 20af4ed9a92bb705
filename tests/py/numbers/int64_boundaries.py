# Arithmetic on ints around the 48-bit inline range and the int64 range: values just past 48 bits
# take a machine-word path, so every boundary must still match CPython exactly.
M = 2**63
vals = [2**47, 2**48 - 1, 2**48, 2**62, M - 1, -M, -M + 1, -(2**48), 3, -3, 1, -1, 0, 2**64, -(2**64)]
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        if b:
            r += [a // b, a % b]
        print(a, b, r)
x = 7
for _ in range(1000):
    x = (x * 1103515 + 12345) % 2147483647
print(x)
