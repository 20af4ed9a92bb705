# tests/compiler/py_ast_dump.py: dumps CPython's AST of stdin as JSON for the compiler tests, so
# they can run on real Python source before (and independently of) eddy's own parser. Every
# Python str is hex-encoded UTF-8 so the C++ reader needs no escape handling.
import ast
import json
import sys


def hexs(s):
    return s.encode("utf-8", "surrogatepass").hex()


def const(v):
    if v is None:
        return {"$": "none"}
    if v is Ellipsis:
        return {"$": "ellipsis"}
    if isinstance(v, bool):
        return {"$": "bool", "v": v}
    if isinstance(v, int):
        return {"$": "int", "v": hexs(str(v))}
    if isinstance(v, float):
        return {"$": "float", "v": hexs(repr(v))}
    if isinstance(v, complex):
        return {"$": "complex", "v": hexs(repr(v.imag))}
    if isinstance(v, str):
        return {"$": "str", "v": hexs(v)}
    if isinstance(v, bytes):
        return {"$": "bytes", "v": v.hex()}
    raise TypeError(type(v))


def conv(x):
    if isinstance(x, ast.Constant):
        return {"_": "Constant", "value": const(x.value),
                "@": [x.lineno, x.col_offset, x.end_lineno, x.end_col_offset]}
    if isinstance(x, ast.AST):
        d = {"_": type(x).__name__}
        for f in x._fields:
            d[f] = conv(getattr(x, f, None))
        if hasattr(x, "lineno"):
            d["@"] = [x.lineno, x.col_offset, x.end_lineno or x.lineno, x.end_col_offset or 0]
        return d
    if isinstance(x, list):
        return [conv(i) for i in x]
    if isinstance(x, str):
        return hexs(x)
    return x


# Usage: py_ast_dump.py MODE            (source on stdin, one JSON document out)
#        py_ast_dump.py MODE FILE...   (one JSON line per file; null where CPython rejects it)
mode = sys.argv[1] if len(sys.argv) > 1 else "exec"
if len(sys.argv) <= 2:
    tree = ast.parse(sys.stdin.buffer.read(), mode=mode)
    sys.stdout.write(json.dumps(conv(tree)))
else:
    for path in sys.argv[2:]:
        try:
            with open(path, "rb") as f:
                doc = conv(ast.parse(f.read(), mode=mode))
        except SyntaxError:
            doc = None
        sys.stdout.write(json.dumps(doc) + "\n")
