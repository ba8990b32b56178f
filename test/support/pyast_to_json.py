# Prints CPython's AST of a Python source as JSON in pypack's node shape (src/compiler/ast.ts), for compiler tests.
# Usage: python3 pyast_to_json.py FILE [MODE]   (or import and call to_json(tree) / source_to_json(source, filename, mode))
# Constants that JSON cannot carry are tagged: {"$int": "123"}, {"$float": "1.5"|"inf"|"-inf"|"nan"|"-0.0"},
# {"$complex": [re, im]} (floats as in $float), {"$bytes": "<base64>"}, {"$ellipsis": true}.
# Fields 3.11 lacks (type_params) are added as [] so the same loader works for both versions.
import ast
import base64
import json
import sys

_OPS = (ast.operator, ast.boolop, ast.unaryop, ast.cmpop, ast.expr_context)
_HAS_TYPE_PARAMS = ("FunctionDef", "AsyncFunctionDef", "ClassDef")


def _float(x):
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def _const(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {"$int": str(v)}
    if isinstance(v, float):
        return {"$float": _float(v)}
    if isinstance(v, complex):
        return {"$complex": [_float(v.real), _float(v.imag)]}
    if isinstance(v, bytes):
        return {"$bytes": base64.b64encode(v).decode("ascii")}
    if v is Ellipsis:
        return {"$ellipsis": True}
    raise TypeError(f"unexpected constant {v!r}")


def to_json(node):
    if isinstance(node, list):
        return [to_json(x) for x in node]
    if isinstance(node, _OPS):
        return type(node).__name__
    if not isinstance(node, ast.AST):
        return node
    name = type(node).__name__
    out = {"_type": name}
    for field in node._fields:
        value = getattr(node, field, None)
        if field == "value" and name in ("Constant", "MatchSingleton"):
            out[field] = _const(value)
        else:
            out[field] = to_json(value)
    if name in _HAS_TYPE_PARAMS and "type_params" not in out:
        out["type_params"] = []
    for attr in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
        if attr in node._attributes:
            out[attr] = getattr(node, attr, None)
    return out


def source_to_json(source, filename="<unknown>", mode="exec"):
    return json.dumps(to_json(ast.parse(source, filename, mode)))


if __name__ == "__main__":
    path = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "exec"
    with open(path, "rb") as f:
        src = f.read()
    sys.stdout.write(source_to_json(src, path, mode) + "\n")
