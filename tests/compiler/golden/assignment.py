# Targets of every kind, augmented assignment, annotations at module level, del.
a = b = 1
a, (b, c) = d
first, *rest = seq
*init, last = seq
o.attr = 1
o[k] = 2
o.attr += 1
o[k] -= 2
n *= 3
x: int = 5
y: list
o.z: int = 6
del a, o.attr, o[k]
