// More parser cases (3.12-only syntax, tricky positions, common mistakes), each compared with CPython 3.12 (Pyodide):
// the dump with positions for valid input, or the error class, message and location for invalid input.
import { beforeAll, describe, expect, it } from "vitest";
import { dumpAst } from "../../src/compiler/astDump";
import { PySyntaxError } from "../../src/compiler/errors";
import { parse, parseWithWarnings } from "../../src/compiler/parser";
import { runPyodide } from "../support/oracles";

const CASES: string[] = [
  "type X[T: (int, str)] = T | None\n",
  "def f[**P, *Ts, T: int = 1](): pass\n",
  "class A[T]: pass\n",
  "type A = B\ntype A[T,] = B\n",
  "x = f'{x:{\"a\"}}'\n",
  "x = f'{x!r:{y}>{z}}'\n",
  "x = f'''a\n{b\n}c\n{d:\n}'''\n",
  "f'{x}' f'{y}'\n",
  "x = f'{1}{2}'\n",
  "rf'{x}\\n' f'\\{{'\n",
  "x = f'{x:%H:%M}'\n",
  "x = f\"{'\\n'.join(a)}\"\n",
  "x = f'{a[\"b\"]}'\n",
  "x = f\"{x:{'>'}10}\"\n",
  "f'{\"\"\"a\"\"\"}'\n",
  "x = f'{ x = }'\n",
  "x = f'{x=!s:^20}'\n",
  "x = f'\\N{LATIN SMALL LETTER A}{b}'\n",
  "x = f'{{}}'\n",
  "x = f'a' 'b' f'c'\n",
  "x = 'a' f'{b}' 'c'\n",
  "x = u'a' f'{b}'\n",
  "match x:\n    case [1, 2, *rest] if rest: pass\n    case {'a': 1, **kw}: pass\n    case Point(x=0) | Point(y=0): pass\n    case str() as s: pass\n",
  "match x:\n    case -0j: pass\n    case 1 - 1j: pass\n    case a.b(c, d=e): pass\n",
  "match (x):\n    case (1): pass\n",
  "match x,:\n    case _: pass\n",
  "with (yield): pass\n",
  "with (a, b): pass\n",
  "with (a, b,): pass\n",
  "with (a as b, c as d,): pass\n",
  "with (open(x) as f): pass\n",
  "async def f():\n    async with a as b, c: pass\n",
  "for x in *a, *b: pass\n",
  "x = *a, *b\n",
  "return *a, *b\n",
  "del x[0], y.z\n",
  "x: int\nx: 'str' = 1\n",
  "print(f'{x!r}', end='')\n",
  "a if b else(c)\n",
  "lambda x=lambda: 1: x\n",
  "x = [i async for i in aiter() if await i]\n",
  "def f(a, /): pass\n",
  "def f(a=1, /, b=2, *, c): pass\n",
  "def f(*, a): pass\n",
  "def f(**k,): pass\n",
  "def f(*a,): pass\n",
  "lambda: (yield)\n",
  "x = 1 if 2 else 3 if 4 else 5\n",
  "x = (a for b in c for d in e if f)\n",
  "x = a[b:c, d]\n",
  "x = a[:, None]\n",
  "@a.b.c\ndef f(): pass\n",
  "@a[0]\nclass C: pass\n",
  "global x\n",
  "x = not not a\n",
  "x = - - a\n",
  "x = a < b < c\n",
  "x = a is not b not in c\n",
  "try:\n  pass\nexcept* (A, B): pass\n",
  "if x:\n  pass\nelif y:\n  pass\n",
  "x = 0xFFFFFFFFFFFFFFFFFFFF\n",
  "x = 1_000_000.000_1e1_0\n",
  "x = 9007199254740993\n",
  "x = 0.1 + 1e-7 + 1e22 + 123e-20\n",
  "x = 1j * 2.5j\n",
  "x = '\\x00\\x1f\\x7f'\n",
  "x = '\\u00ff\\u0100\\uffff'\n",
  "x = b''\n",
  "x = ''\n",
  "x = r''\n",
  "x = f''\n",
  "x = '''\n'''\n",
  "x = 'a\\\nb'\n",
  "if 1:\n    x = '''\n  a'''\n    y = 2\n",
  "x = (  # comment\n  1)\n",
  "x = [  \n\n  1\n\n]\n",
  "﻿x = 1\n",
  "x = 1\n\\\n\ny = 2\n",
  "class A(B, **c): pass\n",
  "f(*a, b)\n",
  "f(a for a in b)\n",
  "f(**a, b=1)\n",
  "x = {**a, 'b': 1}\n",
  "x = {*a, *b}\n",
  "x = ((a))\n",
  "x = (a)(b)\n",
  "x = (a)[b]\n",
  "x = (a).b\n",
  "(a) = 1\n",
  "(a.b) = 1\n",
  "[a, *b] = c\n",
  "(a, b), c = d\n",
  "x = yield\n",
  "def f():\n    x = yield from y\n    await z\n",
  "assert (a, b)\n",
  "raise A from None\n",
  "import a.b.c\n",
  "from . import (a)\n",
  "nonlocal a, b\n",
  "x = a if b else c, d\n",
  "x = 'é' 'ü'\n",
  "é.ü = 1\n",
  "def é(ü): pass\n",
  "x = '𝄞'\n",
  "x = f'{𝄞}'\n",
  "x = f'𝄞{x}𝄞'\n",
  "def f(:\n  pass\n",
  "def f()\n  pass\n",
  "class A(:\n  pass\n",
  "for x in y\n  pass\n",
  "for x y:\n  pass\n",
  "while True print(1)\n",
  "if x == 1\n    print(x)\n",
  "print('a' 'b' c)\n",
  "x = [1, 2 3]\n",
  "x = {1: 2 3: 4}\n",
  "x = {'a' 1}\n",
  "f(a, b c)\n",
  "import\n",
  "from x import\n",
  "from x import (a, b\n",
  "x = 1 +\n",
  "x = (1 + )\n",
  "return x y\n",
  "x = 'abc' + \n",
  "def f():\nreturn 1\n",
  "  x = 1\n",
  "x = 1\n  y = 2\n",
  "if True:\n    x = 1\n   y = 2\n",
  "else:\n  pass\n",
  "elif x:\n  pass\n",
  "try:\n  x\nexcept Exception e:\n  pass\n",
  "x += = 1\n",
  "a, b += 1\n",
  "[a, b] += 1\n",
  "f() += 1\n",
  "x = lambda: yield\n",
  "def f(x, x): pass\n",
  "f(x=1, x=2)\n",
  "x = 5 if 3\n",
  "print(x for x in y, z)\n",
  "x.1\n",
  "1.x\n",
  "x = 1.2.3\n",
  "x = 0b\n",
  "def f(a, *, ): pass\n",
  "@\ndef f(): pass\n",
  "class\n",
  "x = [\n",
  "x = ]\n",
  "x = (1, 2]\n",
  "for = 1\n",
  "if = 1\n",
  "x = True = 1\n",
  "None = 1\n",
  "__debug__ = 1\n",
  "x = ... = 1\n",
  "del 1\n",
  "del (a, 1)\n",
  "del *a\n",
  "with a as 1: pass\n",
  "for 1 in x: pass\n",
  "[x for 1 in y]\n",
  "x = {a: b for a, b in c, d}\n",
  "async x = 1\n",
  "await = 1\n",
  "match x:\n    case 1 + 1: pass\n",
  "match x:\n    case a if: pass\n",
  "match x:\n    case f'x': pass\n",
  "match x:\n    case {a: 1}: pass\n",
  "match x:\n    case P(a=1, b): pass\n",
  "match x:\n    case _ as _: pass\n",
  "match x:\n    case a as 1: pass\n",
  "type X[] = int\n",
  "def f[T: int, T](): pass\n",
  "x = f'{x}' b'y'\n",
  "f'{x!r=}'\n",
  "f'{x:{y:{z}}}'\n",
  "x: int, y: int\n",
  "(x): int = 1\n",
  "x.y += 1\n",
  "print >>sys.stderr, 'x'\n",
  "exec 'code'\n",
  "x = 1; ; y = 2\n",
  "if x:\n  pass\n else:\n  pass\n",
  "def f():\n\tx = 1\n        y = 2\n",
  "'\\N{BLACK STAR}'\n",
  "x = u'\\N{DASH}'\n",
  "x = b'\\xZZ'\n",
  "x = '\\U0011ffff'\n",
  "x = '\\777'\n",
  "nonlocal x\n",
  "x = (yield from)\n",
  "x = [*]\n",
  "x = {**}\n",
  "f(**)\n",
  "x = a.\n",
  "x = a[]\n",
  "x = a[1:2:3:4]\n",
  "lambda x, /: 1\n",
  "lambda *, x: 1\n",
  "lambda **k, x: 1\n",
  "def f(**k, x): pass\n",
  "def f(*a, *b): pass\n",
  "def f(a, /, b, /): pass\n",
  "def f(*, a, /): pass\n",
  "f(a.b=1)\n",
  "f(True=1)\n",
  "f(x for x in y=1)\n",
  "def f(**k=1): pass\n",
  "def f(**k, a): pass\n",
  "def f(**k, *a): pass\n",
  "lambda **k=1: 0\n",
  "lambda **k, a: 0\n",
  "with a as 1: pass\n",
  "with a as (b, 1): pass\n",
  "for 1 in x: pass\n",
  "for (a, 1) in x: pass\n",
  "async for 1 in x: pass\n",
  "[x for 1 in y]\n",
  "x = (*a)\n",
  "print(*a)\n",
  "x = (*a, )\n",
  "try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n",
  "try:\n  pass\nexcept\n  pass\n",
  "try:\n  pass\nexcept ValueError\n  pass\n",
  "try:\n  pass\nfinally\n  pass\n",
  "try:\n  pass\nexcept ValueError:\npass\n",
  "try:\n  pass\nfinally:\npass\n",
  "try:\npass\n",
  "with a:\npass\n",
  "with a\n  pass\n",
  "with (a, b)\n  pass\n",
  "for x in y:\npass\n",
  "while x:\npass\n",
  "def f():\npass\n",
  "class A:\npass\n",
  "if x:\n  pass\nelif y:\npass\n",
  "if x:\n  pass\nelse:\npass\n",
  "match x:\ncase 1: pass\n",
  "match x:\n  case 1:\n  pass\n",
  "match x:\n  case 1\n    pass\n",
  "match x:\n  case P(a=1, 2): pass\n",
  "match x:\n  case P(a=1, a=2): pass\n",
  "match x:\n  case {**a, 'b': 1}: pass\n",
  "match x:\n  case {'a'}: pass\n",
  "match x:\n  case a.b as c.d: pass\n",
  "match x:\n  case *a: pass\n",
  "match x:\n  case a | *b: pass\n",
  "x = {1: 2, **a: 3}\n",
  "x = {1: 2, 3}\n",
  "x = {1: 2, 3:}\n",
  "x = {'a': 1, 'b' 2}\n",
  "x = [1, 2,, 3]\n",
  "def f(a, a=1, b): pass\n",
  "def f(a=1, /, b): pass\n",
  "def f(*a=1): pass\n",
  "def f(*, a, *b): pass\n",
  "def f(a, *, b, /): pass\n",
  "lambda a=1, b: 0\n",
  "lambda *a=1: 0\n",
  "class A(metaclass=M, B): pass\n",
  "class A\n",
  "def f\n",
  "def f(\n",
  "x = 1 if else 2\n",
  "x = if\n",
  "x = a[1:2, *b]\n",
  "x = f(a)(b=1 2)\n",
  "print(end='' x)\n",
  "x = not\n",
  "x = a not b\n",
  "x = a is not not b\n",
  "a.b.c = d.e.f = \n",
  "x = 1 = 2\n",
  "x = (1, 2) = 3\n",
  "[] = x\n",
  "() = x\n",
  "f() += 1\n",
  "x.y: int = (yield)\n",
  "x = yield from\n",
  "x = await\n",
  "import a as b.c\n",
  "from a import b as c.d\n",
  "from a import *, b\n",
  "from a import (*)\n",
  "global a.b\n",
  "nonlocal\n",
  "assert\n",
  "raise from x\n",
  "del\n",
  "return return\n",
  "pass pass\n",
  "break 1\n",
  "x = 1 ++\n",
  "x = --\n",
  "x = 1 +* 2\n",
  "x = a @ \n",
  "x = a ** \n",
  "x = ~\n",
  "if x:\n    pass\n  else:\n    pass\n",
  "if x:\n        a\n    b\n",
  "def f(a, b):\n    return a +\n",
  "x = [i for i in range(10) if]\n",
  "x = [i for in range(10)]\n",
  "x = [for i in x]\n",
  "x = {i: for i in x}\n",
  "x = (i for i in)\n",
];

const PY = `
import ast, json, warnings
warnings.simplefilter("ignore")
out = []
for src in json.loads(INPUT):
    try:
        out.append(ast.dump(ast.parse(src), include_attributes=True))
    except SyntaxError as e:
        out.append(json.dumps([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset], separators=(",", ":"), ensure_ascii=False))
json.dumps(out)`;

let expected: string[] = [];

beforeAll(async () => {
  expected = JSON.parse(await runPyodide(PY, CASES)) as string[];
}, 120_000);

function ours(src: string): string {
  try {
    return dumpAst(parse(src), { includeAttributes: true });
  } catch (e) {
    if (e instanceof PySyntaxError) return JSON.stringify([e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]);
    throw e;
  }
}

describe("parser: more cases against CPython 3.12", () => {
  CASES.forEach((src, i) => {
    it(`#${i}: ${JSON.stringify(src).slice(0, 60)}`, () => {
      expect(ours(src)).toBe(expected[i]);
    });
  });
});

describe("parser: warnings", () => {
  it("reports invalid escape sequences as SyntaxWarnings with their line", () => {
    const r = parseWithWarnings("x = '\\d'\ny = b'\\q'\nz = f'\\w{x}'\n");
    expect(r.warnings).toEqual([
      { category: "SyntaxWarning", msg: "invalid escape sequence '\\d'", lineno: 1 },
      { category: "SyntaxWarning", msg: "invalid escape sequence '\\q'", lineno: 2 },
      { category: "SyntaxWarning", msg: "invalid escape sequence '\\w'", lineno: 3 },
    ]);
  });
});

const MODE_CASES: Array<[string, "single" | "eval" | "func_type"]> = [
  ["x = 1\n", "single"], ["x = 1; y = 2\n", "single"], ["if x:\n  pass\n", "single"], ["\n", "single"], ["", "single"],
  ["x\n\n", "single"], ["@d\ndef f(): pass\n", "single"], ["x = 1\ny = 2\n", "single"],
  ["1 + 2", "eval"], ["x if y else z\n", "eval"], ["a, b", "eval"], ["*a, b", "eval"], ["yield x", "eval"], ["lambda: 1\n\n", "eval"],
  ["x = 1", "eval"], ["", "eval"],
  ["(int, str) -> None", "func_type"], ["() -> int", "func_type"], ["(*int, **str) -> None", "func_type"], ["(int) -> List[int]\n", "func_type"],
];

const PY_MODES = `
import ast, json
out = []
for src, mode in json.loads(INPUT):
    try:
        out.append(ast.dump(ast.parse(src, mode=mode), include_attributes=True))
    except SyntaxError as e:
        out.append(json.dumps([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset], separators=(",", ":")))
json.dumps(out)`;

describe("parser: eval, single and func_type modes against CPython 3.12", () => {
  let modeExpected: string[] = [];
  beforeAll(async () => {
    modeExpected = JSON.parse(await runPyodide(PY_MODES, MODE_CASES)) as string[];
  }, 120_000);
  MODE_CASES.forEach(([src, mode], i) => {
    it(`${mode} #${i}: ${JSON.stringify(src)}`, () => {
      let got: string;
      try {
        got = dumpAst(parse(src, "<unknown>", mode), { includeAttributes: true });
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw e;
        got = JSON.stringify([e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]);
      }
      expect(got).toBe(modeExpected[i]);
    });
  });
});
