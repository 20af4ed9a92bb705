# The founding document's synchronous twin of the typist: prints "Hello, world!" one character
# at a time, pausing for a gaussian-distributed delay before each, blocking the whole program.
import random
import time


def sync_hello_world():
    for ch in "Hello, world!":
        x = max(0, random.gauss(.08, .03))
        time.sleep(x)
        print(ch, end="", flush=True)
    print()


if __name__ == "__main__":
    sync_hello_world()
