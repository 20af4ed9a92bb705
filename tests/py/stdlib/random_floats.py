# random's real distributions, including gauss's cached second deviate, for several seeds.
import random
for seed in [1, 8, 2024]:
    random.seed(seed)
    print(random.uniform(1, 3), random.uniform(-1.5, 2), random.triangular(), random.triangular(1, 5, 2))
    print(random.gauss(0.08, 0.03), random.gauss(0.08, 0.03), random.gauss(), random.normalvariate(5, 2))
    print(random.lognormvariate(0, 0.5), random.expovariate(1.5), random.vonmisesvariate(1.0, 4.0))
    print(random.gammavariate(0.5, 2), random.gammavariate(1.0, 2), random.gammavariate(3.0, 1.5))
    print(random.betavariate(2, 5), random.paretovariate(3), random.weibullvariate(1, 1.5))
random.seed(5)
g1 = random.gauss(0, 1)
st = random.getstate()
g2 = random.gauss(0, 1)
random.setstate(st)
print(g2 == random.gauss(0, 1), st[2] is not None)
print(random.triangular(2, 2, 2), random.uniform(4, 4))
