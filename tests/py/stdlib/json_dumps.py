# json.dumps: CPython's exact text for every option, and its errors.
import json

doc = {"b": [1, 2.5, None, True, False], "a": {"nested": [], "empty": {}}, "s": "tab\t\u00e9\U0001f600"}
print(json.dumps(doc))
print(json.dumps(doc, sort_keys=True, indent=2))
print(json.dumps(doc, indent="\t", separators=(",", "=")))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps([1, [2, [3]]], indent=0))
print(json.dumps({3: 1, 1.5: 2, True: 3, None: 4}), json.dumps({"x": 1}, separators=(",", ":")))
print(json.dumps(-0.0), json.dumps(1e300), json.dumps(2 ** 70), json.dumps(float("-inf")))
print(json.dumps("\x00\x1f\"\\/"), json.dumps(()), json.dumps([]))
print(json.dumps({1: 2, "1": 3}, sort_keys=False))


class Thing:
    pass


print(json.dumps(Thing(), default=lambda o: "thing"))
print(json.dumps({(1, 2): 3}, skipkeys=True))
for bad in (lambda: json.dumps(Thing()), lambda: json.dumps({(1, 2): 3}),
            lambda: json.dumps(float("nan"), allow_nan=False)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
