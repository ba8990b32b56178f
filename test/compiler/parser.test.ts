// Parser tests: each snippet's ast.dump (positions included) must equal CPython 3.12's (Pyodide), and invalid
// snippets must raise the same error class, message and location.
import { beforeAll, describe, expect, it } from "vitest";
import { dumpAst } from "../../src/compiler/astDump";
import { PySyntaxError } from "../../src/compiler/errors";
import { parse } from "../../src/compiler/parser";
import { runPyodide } from "../support/oracles";

const VALID: string[] = [
  'print("hello")\n',
  "x = 1\ny: int = 2\nz: list[int]\n(a): int = 1\na.b: int\na[0]: int = 3\n",
  "a = b = c = 1, 2\na, *b = c\n[a, (b, c)] = d\na += 1\na.b //= 2\na[1] **= 3\n",
  "x = 0x1F + 0o17 + 0b101 + 1_000 + 1.5 + .5 + 1. + 1e10 + 1E-5 + 2j + 1.5J + 0_0 + 00\n",
  "x = 12345678901234567890123456789 * 10**100\n",
  "s = 'a' \"b\" '''c''' \"\"\"d\"\"\" r'\\n' u'x'\nb = b'y' rb'\\z' Rb'q' BR'w'\n",
  "s = u'a' 'b'\nt = 'a' u'b'\nb = b'\\x00\\xff\\n\\t' b'\"'\n",
  "s = '\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\\101\\x41\\u0041\\U00000041\\N{BULLET}\\q'\n",
  "s = 'line\\\ncont'\n",
  "x = f'a{b}c{d!r}e{f:>10}g{h!s:{w}.{p}}' f'{x=}' f'{x = !a}' f'{x=:>5}'\n",
  "x = f'{\"nested\"}' f'{f\"{1}\"}' f'{{literal}}' f'''{\n  a\n  + b}''' F'x' fR'{a}\\n' rf'\\{x}'\n",
  "x = f'{a:{b:{c}}}' f'{a}{b}' f'' f'{x:}' 'p' f'q{r}s' 't'\n",
  "x = f'{yield}' if 0 else f'{*a,}' f'{a, b}' f'{(lambda: 1)()!r}'\n",
  "x = f'{(lambda x: x)(1)}' f'{x:=5}' f'{(x:=5)}' f'{a!=b}' f'{ {1: 2}[1] }'\n",
  "x = a if b else c\ny = lambda: 0\nz = lambda a, b=1, *c, d, e=2, **f: a\nw = lambda *, a: a\nv = lambda a, /, b: 0\n",
  "x = not a and b or c and not d\ny = a < b <= c > d >= e == f != g in h not in i is j is not k\n",
  "x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o\n",
  "x = -1 + +2 - ~3\ny = a ** b ** c\nz = (-a) ** 2\n",
  "x = a.b.c(d)(e)[f][g:h][::i][j:k:l][m, n:o][*p][...]\n",
  "f(a, *b, c=1, **d)\nf(x for x in y)\nf(*a, *b, k=1, *c)\nf(a)(b)\nf(\n a,\n b,\n)\n",
  "x = [a for b in c if d if e for f in g]\ny = {a for b in c}\nz = {a: b for c, d in e}\nw = (a for b in c)\nv = [a async for b in c]\n",
  "x = [1, 2, *a]\ny = {1, 2, *a}\nz = {1: 2, **a, 3: 4}\nw = ()\nv = (1,)\nu = []\nt = {}\ns = (1, 2,)\n",
  "if a:\n    pass\nelif b:\n    pass\nelif c:\n    x\nelse:\n    y\n",
  "while a:\n    break\nelse:\n    continue\n",
  "for a, b in c:\n    pass\nelse:\n    pass\nfor x in 1, 2:\n    pass\nfor (a, b), *c in d: pass\n",
  "with a as b, c as (d, e), f:\n    pass\nwith (a as b, c):\n    pass\nwith (a, b) as c:\n    pass\nwith (a):\n    pass\nwith (\n  a as b,\n  c as d,\n):\n  pass\n",
  "try:\n    pass\nexcept A:\n    pass\nexcept (B, C) as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
  "try:\n    pass\nexcept* A:\n    pass\nexcept* B as e:\n    pass\n",
  "try:\n    pass\nfinally:\n    pass\n",
  "def f(a, b: int = 1, *args: str, c, d=2, **kw) -> None:\n    return a\n",
  "def f(a, b, /, c, *, d):\n    pass\ndef g(*, a=1, b):\n    pass\ndef h(a=1, /, b=2):\n    pass\n",
  "@dec\n@dec.attr(1)\n@(yield)\ndef f():\n    yield\n    yield 1\n    yield from x\n    x = yield\n",
  "async def f():\n    await x\n    async for a in b:\n        pass\n    async with a as b:\n        pass\n    return [x async for x in y]\n",
  "class A:\n    pass\nclass B(A, metaclass=M, *a, **k):\n    x = 1\n@d\nclass C():\n    def m(self): ...\n",
  "import a\nimport a.b.c as d, e\nfrom a import b\nfrom .a import (b as c, d,)\nfrom ... import e\nfrom .... import f\nfrom . import *\nfrom .a.b import *\n",
  "global a, b\nnonlocal c\ndel a, b.c, d[0], (e, f), [g]\nassert a\nassert a, b\nraise\nraise a\nraise a from b\nreturn\nreturn a, b\n",
  "x = (yield)\nx = (a := 1 if 0 else 0)\n",
  "if (n := len(a)) > 10: pass\n[y := f(x), y**2]\nf(a := 1)\n",
  "a; b; c;\nx = 1;\n",
  "x = (1 +\n     2)\ny = 1 + \\\n    2\n",
  "# comment\n\n   # indented comment\nx = 1  # trailing\n\n\n",
  "if a:\n\tx = 1\n\tif b:\n\t\ty = 2\n",
  "if a:\n  x\n  if b:\n        y\n  z\n",
  "match x:\n    case 1:\n        pass\n    case -1 | 1.5 | -2j | 1 + 2j | -1 - 2j:\n        pass\n    case 'a' 'b' | b'c' | None | True | False:\n        pass\n",
  "match x:\n    case a:\n        pass\n    case _:\n        pass\n    case a.b.c:\n        pass\n    case (a):\n        pass\n    case (a, b):\n        pass\n    case [a, *b, c]:\n        pass\n    case [*_]:\n        pass\n    case ():\n        pass\n    case []:\n        pass\n",
  "match x:\n    case {1: a, 'b': c, d.e: f, **rest}:\n        pass\n    case {}:\n        pass\n    case P(a, b, c=d, e=f):\n        pass\n    case P():\n        pass\n    case a.B(x=1):\n        pass\n",
  "match x:\n    case a as b if b > 1:\n        pass\n    case (1 | 2) as c:\n        pass\n    case 1, 2:\n        pass\n    case *a, b:\n        pass\n",
  "match a, b:\n    case _: pass\nmatch *a, b:\n    case _: pass\nmatch = 1\nmatch.x = 2\nmatch(x)\nmatch[x]\ncase = 3\n",
  "type X = int\ntype Y[T] = list[T]\ntype Z[T: int, *Ts, **P] = 1\ntype = 1\ntype.x = 1\n",
  "def f[T, U: str](a: T) -> U: pass\nclass C[T](B): pass\nasync def g[*Ts](): pass\n",
  "def f(*args: *Ts): pass\nx[*a]\nx[a, *b]\n",
  "é = 'ü'\nx = 'é' + é\nﬁ = 1\n",
  "x = '日本語' ; y = f'{x}日本{y}語'\n",
  "x = ...\ny = a[...]\nz = None, True, False\n",
  "def f():\n    '''doc'''\n    return\n",
  "x = (\n    'a'\n    'b'\n)\n",
  "x = [\n    1,\n    2,\n]\n",
  "with a: pass\nwhile 1: pass\nfor x in y: pass\nif x: pass\nelse: pass\n",
  "if 1:\n    pass\n\n\n\n",
  "x",
  "",
  "\n\n",
  "if 1:\n  pass",
  "x = 1 if y else 2\nx = [i for i in range(10) if i % 2 if i > 3]\n",
  "print(*a, sep='')\nprint(a, *b, c)\nprint(**a, b=1)\n",
  "x = a[1:2, ::3, 4]\nx = a[:]\nx = a[1:]\nx = a[:2]\nx = a[::]\nx = a[b:=1]\n",
  "lambda: (yield)\nlambda *a, **k: 0\nlambda a=1, *, b: 0\n",
  "x = 1e400\ny = 1.7976931348623157e308\nz = 5e-324\nw = 0.1\nv = 1e16\nu = 1e15\nt = 0.0001\ns = 0.00001\nr = 123456789.123456789\n",
  "x = 'tab\\there' \"quote'\" '\"' '\\x7f\\x80\\xa0\\u200b\\ud800\\U0001f600'\n",
  "x = b'\\x00\\x7f\\x80\\xff' b\"'\" b'\"' b'\\''\n",
  "x = '\\\r\n'\ny = 1\r\nz = '''a\r\nb'''\r\n",
  "class A:\n    def f(self):\n        def g():\n            nonlocal x\n            return lambda: x\n        return g\n",
  "x = f'{x!r:^{width}}' f'{3.14:.{prec}f}' f'{\"a\" \"b\"}'\n",
  "x = f'''\n{a}\n  {b:\n}\n'''\n",
  "assert isinstance(x, int), f'bad {x!r}'\n",
  "x = a if b else lambda: c\nx = [*a, *b]\n(*a,) = b\n",
  "del (a), [b], c.d\nfor x, in y: pass\n",
];

const INVALID: string[] = [
  "x = (\n",
  "x = )\n",
  "x = (]\n",
  "x = (\n]\n",
  "a b\n",
  "f() = 1\n",
  "if x\n  pass\n",
  "if x:\npass\n",
  "if x:\n",
  "if x:\n  pass\n    y = 1\n",
  "if x:\n    a\n  b\n",
  "if x:\n\ta\n        b\n",
  "x = 'abc\n",
  "x = '''abc\n\n",
  "1abc\n",
  "x = 0777\n",
  "0x\n",
  "0o8\n",
  "1__0\n",
  "1e\n",
  "(1 2)\n",
  "[a b]\n",
  "f(a b)\n",
  "x = 1 \\ 2\n",
  "x = 1 \\\n",
  "a $ b\n",
  "€ = 1\n",
  "1 = x\n",
  "x + 1 = 2\n",
  "(a, f()) = 1\n",
  "for f() in x: pass\n",
  "del f()\n",
  "a += 1, 2 = 3\n",
  "(a, b) += 1\n",
  "f(x for x in y, 1)\n",
  "f(a=1, b)\n",
  "f(**a, *b)\n",
  "f(a=1 b=2)\n",
  "def f(a=1, b): pass\n",
  "def f(*): pass\n",
  "def f(/, a): pass\n",
  "x = 1 if 2\n",
  "x = f'{x'\n",
  "x = f'{'\n",
  "x = f'}'\n",
  "x = f'{}'\n",
  "x = f'{x!}'\n",
  "x = f'{x!z}'\n",
  "x = f'{lambda x:1}'\n",
  "x = f'abc\n",
  "x = 'a' b'b'\n",
  "x = '\\x4'\n",
  "x = '\\N{foo}'\n",
  "x = b'\\u1234' b'é'\n",
  "try:\n  pass\nx = 1\n",
  "try:\n  pass\nexcept A, B:\n  pass\n",
  "class A\n  pass\n",
  "while x\n  pass\n",
  "x = {1: 2, 3}\n",
  "import a.b as\n",
  "from x import a,\n",
  "x = yield = 1\n",
  "True = 1\n",
  "None += 1\n",
  "x: int, y: int = 1, 2\n",
  "print 'hello'\n",
  "x = [1, 2\ny = 3\n",
  "case x:\n  pass\n",
  "match x:\n  case 1:\n  pass\n",
  "(*a) = 1\n",
  "*a = 1\n",
  "a = *b\n",
];

type ErrorTuple = [string, string, number, number, number | null, number | null];

let refDumps: string[] = [];
let refErrors: Array<ErrorTuple | string> = [];

const PY_DUMP = `
import ast, json
out = []
for src in json.loads(INPUT):
    try:
        out.append(ast.dump(ast.parse(src), include_attributes=True))
    except SyntaxError as e:
        out.append("ERROR " + repr(e))
json.dumps(out)`;

const PY_ERRORS = `
import ast, json, warnings
warnings.simplefilter("ignore")
out = []
for src in json.loads(INPUT):
    try:
        ast.parse(src)
        out.append("OK")
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset])
json.dumps(out)`;

beforeAll(async () => {
  refDumps = JSON.parse(await runPyodide(PY_DUMP, VALID)) as string[];
  refErrors = JSON.parse(await runPyodide(PY_ERRORS, INVALID)) as Array<ErrorTuple | string>;
}, 120_000);

function errorTuple(src: string): ErrorTuple | string {
  try {
    parse(src);
    return "OK";
  } catch (e) {
    if (e instanceof PySyntaxError) return [e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset];
    throw e;
  }
}

describe("parser: trees identical to CPython 3.12", () => {
  VALID.forEach((src, i) => {
    it(`valid #${i}: ${JSON.stringify(src).slice(0, 60)}`, () => {
      expect(refDumps[i].startsWith("ERROR")).toBe(false);
      expect(dumpAst(parse(src), { includeAttributes: true })).toBe(refDumps[i]);
    });
  });
});

describe("parser: syntax errors identical to CPython 3.12", () => {
  INVALID.forEach((src, i) => {
    it(`invalid #${i}: ${JSON.stringify(src).slice(0, 60)}`, () => {
      expect(errorTuple(src)).toEqual(refErrors[i]);
    });
  });
});

describe("parser: API", () => {
  it("eval mode gives an Expression", () => {
    expect(dumpAst(parse("1 + 2", "<e>", "eval"))).toBe("Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))");
  });
  it("deep nesting is a SyntaxError, never a JS RangeError", () => {
    expect(() => parse("x = " + "(".repeat(1000) + "1" + ")".repeat(1000))).toThrow(PySyntaxError);
    expect(() => parse("x = " + "-".repeat(100000) + "1")).not.toThrow(RangeError);
    expect(() => parse("x = " + "not ".repeat(50000) + "1")).not.toThrow(RangeError);
    let deep = "";
    for (let i = 0; i < 99; i++) deep += " ".repeat(i) + "if x:\n";
    deep += " ".repeat(99) + "pass\n";
    expect(() => parse(deep)).not.toThrow();
    expect(() => parse("x = " + "a ** ".repeat(5000) + "1")).toThrow(PySyntaxError);
  });
});
