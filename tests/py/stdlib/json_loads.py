# json.loads: values, escapes, hooks, and JSONDecodeError with line and column.
import json

print(json.loads('{"a": [1, -2.5e3, "x\\u00e9\\ud83d\\ude00", true, false, null], "b": {}}'))
print(json.loads('  [1 ,2 ]  '), json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t"'), json.loads("-0"), json.loads("1E2"))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads(b'[1]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5]', parse_float=str), json.loads('{"p": 1}', object_pairs_hook=list))
for text in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '[1 2]', '"abc', '{1: 2}', 'nul', '[1]x',
             '"\\q"', '"\\u12"', '\n\n  [1,\n   ?]', '"a\nb"', '{"a":}']:
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        print(repr(text), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print(e)
print(json.loads(json.dumps({"round": [1, 2.0, "trip", {"x": None}]})))
