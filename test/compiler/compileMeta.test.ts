// Code objects of targeted programs (PEP 695 generics, async comprehensions, class scoping, future annotations, arguments,
// except*, match) equal CPython 3.12's (Pyodide): qualname, first line, argument counts, flags, varnames, cellvars, freevars,
// names and non-code constants, for every nested code object.
import { describe, expect, it } from "vitest";
import { CodeObject } from "../../src/compiler/code";
import { compileSource } from "../../src/compiler/compile";
import { constRepr } from "../../src/compiler/disassembler";
import { runPyodide } from "../support/oracles";

const PROGRAMS = [
`class Outer:
    class Inner[T: int, *Ts, **P](Base, metaclass=M):
        x: T
        def m[U](self, u: U = None, *, k: T = 1) -> U:
            return super().m(u)
    type Alias[K] = dict[K, Outer]
    def f(self):
        type Local = list[Local]
        return Local
`,
`def outer(a):
    def g[T](x: T) -> T:
        return a
    class C[S]:
        def h(self): return a, S
    type A = a
    return g, C, A
`,
`from __future__ import annotations
class D[T]:
    v: T
    def m(self, x: T) -> list[T]: ...
`,
`async def f(xs):
    r = [await x async for x in xs if x]
    g = (y async for y in xs)
    async with a as (b, c), d:
        pass
    return r, g
`,
`def f():
    x = 1
    class C:
        x = 2
        y = [x for _ in range(1)]
        def g(self): return x
    return C
`,

`def f(a, /, b=2, *c, d, e=5, **g):
    "doc"
    def h():
        nonlocal a
        a = b
        return [a for _ in c]
    return h
lam = lambda *, k=1: k
`,
`try:
    pass
except* (ValueError, TypeError) as eg:
    raise
finally:
    del x
for i in range(3):
    with open(i) as f, g:
        break
else:
    pass
`,
`match cmd:
    case ["go", ("north" | "south") as d, *rest] if rest: pass
    case {"x": 1, **others}: pass
    case Point(x=0, y=yy) | Point(x=yy, y=0): pass
    case -1 | 1.5 | 2j | "s" | b"b" | None | True: pass
    case Color.RED: pass
`,
]

function meta(code: CodeObject): unknown[] {
  const out: unknown[] = [];
  const walk = (c: CodeObject): void => {
    const consts = c.co_consts.filter((k) => !(k instanceof CodeObject)).map((k) => constRepr(k));
    out.push([c.co_qualname, c.co_firstlineno, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_flags, c.co_varnames, c.co_cellvars, c.co_freevars, c.co_names, consts]);
    for (const k of c.co_consts) if (k instanceof CodeObject) walk(k);
  };
  walk(code);
  return out;
}

const PY = `
import json
def walk(c, acc):
    acc.append([c.co_qualname, c.co_firstlineno, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_flags,
                list(c.co_varnames), list(c.co_cellvars), list(c.co_freevars), list(c.co_names),
                [repr(k) for k in c.co_consts if not hasattr(k, 'co_code')]])
    for k in c.co_consts:
        if hasattr(k, 'co_code'):
            walk(k, acc)
out = []
for p in json.loads(INPUT):
    acc = []
    walk(compile(p, 'p.py', 'exec'), acc)
    out.append(acc)
json.dumps(out)
`;

describe("code objects equal CPython 3.12's", () => {
  it("for targeted programs", async () => {
    const theirs = JSON.parse(await runPyodide(PY, PROGRAMS)) as unknown[][];
    PROGRAMS.forEach((p, i) => {
      expect(meta(compileSource(p, "p.py", "exec")), p).toEqual(theirs[i]);
    });
  });
});
