# json: the native encoder's and scanner's fast paths (exact types, str keys sorted natively,
# memoized object keys, integers and floats parsed in place) against their general cases.
import json

docs = json.loads('[{"a": 1, "b\\u00e9": 2, "caf\u00e9": [3]}, {"a": 4, "b\\u00e9": 5, "caf\u00e9": []}]')
print(docs, [list(d) for d in docs], docs[0].keys() == docs[1].keys())
print(json.loads('{"a": 1, "a": 2, "\\"q\\"": "x\\ny", "": ""}'))
print(json.loads('[123456789012345678, 1234567890123456789, -999999999999999999999, 0, -0]'))
print(json.loads('[1.5, -0.0, 1e400, -1e400, 1e-400, 2.5e-3, 1E5, 12345678901234567890.5]'))
print(json.loads('"\u00e9t\u00e9 \\ud83d\\ude00 ok"'), len(json.loads('"\u00e9t\u00e9"')))
print(json.dumps({"b": 1, "a": 2, "\u00e9": 3, "z": 4, "A": 5}, sort_keys=True))
print(json.dumps({2: "x", 1: "y", 3.5: "z"}, sort_keys=True), json.dumps({None: 1, True: 2}))
print(json.dumps({"k": (1, 2.5, [None, True, False]), "s": "t\u00e9\x01\""}, ensure_ascii=False))


class Key(str):
    pass


class Num(float):
    pass


print(json.dumps({Key("b"): Num(1.5), "a": Key("x")}, sort_keys=True), json.dumps([Key("q")]))
grow = [1, object(), 3]
def default(o):
    grow.append(len(grow))
    return "obj"
print(json.dumps(grow, default=default), grow[2:])
nest = {"x": [1, {"y": []}], "z": {}}
print(json.dumps([nest, nest, [nest]]), json.dumps(nest, indent=1, sort_keys=True))
for bad in ({"a": 1, 2: 3}, [1, [2, [3]]], {"s": {1, 2}}):
    try:
        if isinstance(bad, list):
            bad[1][1].append(bad)
        print(json.dumps(bad, sort_keys=True))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for text in ('{"a" 1}', '{"a": 1,}', '["\u00e9", "\\x"]', '[1, 2', '{"\u00e9\u00e9": tru}', '"abc'):
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        print(e.msg, e.pos, e.lineno, e.colno)
