# random_numbers: the Mersenne Twister through random(), randint, choice, gauss, shuffle.
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
random.seed(2024)
acc = 0.0
items = list(range(100))
for i in range(n):
    acc += random.random()
    acc += random.randint(1, 6)
    acc += random.choice(items)
    if i % 4 == 0:
        acc += random.gauss(0, 1)
    if i % 1000 == 0:
        random.shuffle(items)
print(round(acc, 6), items[:5])
