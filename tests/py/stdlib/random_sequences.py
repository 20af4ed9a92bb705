# random: seeded sequences of every integer/sequence method must match CPython bit for bit.
import random
for seed in [0, 1, 42, 2 ** 40 + 17, -99, "text seed", b"bytes seed", 3.5]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(20), random.randrange(1000))
random.seed(123)
print([random.randint(-5, 5) for _ in range(15)])
print([random.randrange(0, 100, 7) for _ in range(8)], [random.randrange(50, 0, -3) for _ in range(5)])
print(random.randrange(10 ** 30), random.randrange(-10 ** 25, 10 ** 25), random.getrandbits(100))
print(random.randbytes(7))
pool = list(range(30))
random.shuffle(pool)
print(pool)
print(random.sample(range(1000), 10), random.sample("abcdefg", 3), random.sample(range(10 ** 9), 4))
print(random.sample(["x", "y"], k=5, counts=[3, 2]))
print(random.choices(range(5), k=10), random.choices("ab", cum_weights=[1, 10], k=6))
print(random.choices([1, 2, 3], [0.2, 0.3, 0.5], k=7))
r1, r2 = random.Random(7), random.Random(7)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)], r1.choice("qwerty"))
st = r1.getstate()
a = [r1.randint(1, 10 ** 6) for _ in range(5)]
r1.setstate(st)
print(a == [r1.randint(1, 10 ** 6) for _ in range(5)], st[0], len(st[1]))
for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 9, 0),
            lambda: random.choice(""), lambda: random.sample({1, 2}, 1), lambda: random.sample([1], 2),
            lambda: random.getrandbits(-1), lambda: random.choices("ab", [1], k=2), lambda: random.seed([1]),
            lambda: random.randrange(2.5)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
