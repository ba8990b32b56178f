# Compiles every program of cases.py with the running Python and prints the outcomes as JSON (class, msg, lineno, offset).
import json
import sys

def outcome(src):
    try:
        compile(src, "<golden>", "exec")
        return None
    except SyntaxError as e:
        return {"cls": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}

def main(path):
    ns = {}
    with open(path, encoding="utf-8") as f:
        exec(f.read(), ns)
    out = [{"src": s, "result": outcome(s)} for s in ns["CASES"]]
    print(json.dumps({"python": sys.version.split()[0], "cases": out}, indent=1))

if __name__ == "__main__":
    main(sys.argv[1])
