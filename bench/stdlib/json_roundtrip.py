# json_roundtrip: dumps and loads of a nested document (dicts, lists, strs, ints, floats, bools,
# None), N rounds. Prints a checksum of the encoded lengths and a decoded field.
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 120


def make_doc(k):
    return {
        "id": k,
        "name": f"record {k}",
        "tags": ["alpha", "beta", "gamma"][: k % 3 + 1],
        "score": k * 1.25,
        "active": k % 2 == 0,
        "parent": None,
        "children": [{"x": i, "y": [i, i * 2, "leaf"], "note": "caf\u00e9"} for i in range(k % 5)],
    }


doc = {"items": [make_doc(k) for k in range(400)], "meta": {"version": 3, "title": "bench"}}
total = 0
last = None
for r in range(n):
    text = json.dumps(doc, sort_keys=(r % 2 == 0))
    total += len(text)
    last = json.loads(text)
pretty = json.dumps(doc["items"][:50], indent=2)
print(total, len(pretty), last["items"][399]["children"][-1]["y"], last["meta"]["title"])
