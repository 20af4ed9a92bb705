# LOAD_GLOBAL of a builtin skips the globals when their key bits prove the name absent: a global
# of the same name made later (by assignment, globals(), exec or a bit shared with many other
# names) must still win, and deleting it must bring the builtin back.
def size(x):
    return len(x)

def kind(x):
    return str(x) + "!"

print(size("abc"), kind(1))
globals()["len"] = lambda x: "global len"
print(size("abc"))
del globals()["len"]
print(size("abc"))
for i in range(200):
    globals()["g%d" % i] = i
print(size("abcd"), kind(2), g7 + g199)
exec("def str(x): return 'exec str'")
print(kind(3))
del str
print(kind(4))

def shadow_in_loop():
    out = []
    for i in range(4):
        if i == 2:
            globals()["len"] = lambda x: -1
        out.append(len("xy"))
    del globals()["len"]
    out.append(len("xy"))
    return out

print(shadow_in_loop())
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
