# Oracle side of the parser conformance harnesses: parses Python sources with the running CPython and reports, per
# source, either the sha1 of ast.dump(tree, include_attributes=True, indent=1) (or the dump itself) or the syntax error.
# Runs unchanged under Pyodide (CPython 3.12.7, sources handed over as bytes) and python3 (3.11, reading files).
#
# Under CPython < 3.12 the dump is normalised to 3.12's shape for the one AST *shape* change: FunctionDef,
# AsyncFunctionDef and ClassDef gained a last field `type_params` (shown as `type_params=[]`). Position differences
# (3.12 gives the parts of f-strings their own positions, PEP 701) are not normalised: they are real differences.
import ast
import hashlib
import json
import sys
import zipfile

_TYPE_PARAM_OWNERS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
if sys.version_info < (3, 12):
    for _cls in _TYPE_PARAM_OWNERS:
        if "type_params" not in _cls._fields:
            _cls._fields = _cls._fields + ("type_params",)


def _normalise(tree):
    if sys.version_info < (3, 12):
        for node in ast.walk(tree):
            if isinstance(node, _TYPE_PARAM_OWNERS):
                node.type_params = []


def error_record(e):
    """The attributes a SyntaxError carries (kind is the exception class name)."""
    if isinstance(e, SyntaxError):
        return {"ok": False, "kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                "end_lineno": e.end_lineno, "end_offset": e.end_offset, "text": e.text}
    return {"ok": False, "kind": type(e).__name__, "msg": str(e), "lineno": None, "offset": None,
            "end_lineno": None, "end_offset": None, "text": None}


def parse_one(source, filename, want_dump=False, mode="exec"):
    """source: bytes (decoded as CPython decodes a file) or str. Returns a JSON-able record."""
    try:
        tree = compile(source, filename, mode, ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeDecodeError) as e:
        return error_record(e)
    _normalise(tree)
    dump = ast.dump(tree, include_attributes=True, indent=1)
    if want_dump:
        return {"ok": True, "dump": dump}
    return {"ok": True, "sha1": hashlib.sha1(dump.encode("utf-8", "surrogatepass")).hexdigest()}


def format_error(source, filename, mode="exec"):
    """What CPython prints for the uncaught SyntaxError of parsing `source` (sys.excepthook, i.e. pythonrun.c's
    print_error_text, with no traceback frames), or None when it parses."""
    import io
    try:
        compile(source, filename, mode, ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        e.__traceback__ = None  # print only the error, as for a file that fails to compile
        old = sys.stderr
        sys.stderr = buf = io.StringIO()
        try:
            sys.__excepthook__(type(e), e, None)
        finally:
            sys.stderr = old
        return buf.getvalue()
    return None


def parse_js(source, filename, want_dump):
    """Pyodide entry point: source is a JS Uint8Array; the record comes back as JSON text."""
    return json.dumps(parse_one(source.to_bytes(), filename, want_dump))


def main():
    """python3 entry point: stdin is a JSON list of {key, path} or {key, zip, member}; stdout one JSON object."""
    items = json.load(sys.stdin)
    want_dump = "--dump" in sys.argv
    zips = {}
    out = {}
    for item in items:
        if "zip" in item:
            z = zips.get(item["zip"]) or zips.setdefault(item["zip"], zipfile.ZipFile(item["zip"]))
            data = z.read(item["member"])
        else:
            with open(item["path"], "rb") as f:
                data = f.read()
        out[item["key"]] = parse_one(data, item.get("filename", item["key"]), want_dump)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
