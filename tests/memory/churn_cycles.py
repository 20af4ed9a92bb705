# Creates and drops N small objects (default 10 million), half of them in reference cycles: a
# tracing collector must reclaim them all, so peak memory stays flat whatever N is. Each round
# makes eight objects: two instances with their attribute dicts that point at each other (four in
# a cycle), and an instance with its dict, a list and a tuple that nothing refers back to.
import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.other = None


def churn(n):
    total = 0
    for i in range(n // 8):
        a = Node(i)
        b = Node(i)
        a.other = b
        b.other = a
        c = Node(i)
        pair = [i, c]
        frozen = (i, pair)
        total += a.other.value - b.value + frozen[1][0] - c.value
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
print(churn(n))
