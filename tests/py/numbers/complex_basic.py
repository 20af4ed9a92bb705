# complex: literals, arithmetic, repr, abs, equality.
a = 1 + 2j
b = 3 - 4j
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(b), a == 1 + 2j, a != b)
print(2j, 1j * 1j, (0.5 + 0j), complex(1, 2), complex(), complex(3), complex(1.5, -2))
print(a.real, a.imag, a.conjugate(), 1j ** 2, (1 + 1j) ** 3, 2 ** 1j == 2 ** 1j)
print(1 + 0j == 1, 1j == 1, (1 + 0j) == 1.0, hash(1 + 0j) == hash(1), hash(2j))
print(complex(0, -1), complex(-0.0, -1), complex(float('inf'), float('nan')), 1e300j * 1e300j)
print((-8.0) ** 0.5, (-1) ** 0.5, type((-8.0) ** 0.5).__name__)
try:
    (1 + 2j) / 0
except ZeroDivisionError as e:
    print(e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print(e)
