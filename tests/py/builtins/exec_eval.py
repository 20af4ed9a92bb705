# exec/eval with explicit and implicit namespaces; globals(); locals() in a function.
x = 10
print(eval("x + 1"), eval("[i * i for i in range(4)]"))
ns = {"a": 2}
exec("b = a * 3", ns)
print(ns["b"], eval("a + b", ns))
exec("y = 5")
print(y)
def f(p):
    q = p + 1
    return sorted(locals().items())
print(f(1))
print("x" in globals(), globals()["x"])
print(eval("a * 10", {"a": 4}), eval("k", {}, {"k": "local"}))
try:
    eval("1 +* 2")
except SyntaxError:
    print("SyntaxError")
