// Symbol tables: CPython 3.12's scopes for functions, classes, comprehensions (PEP 709), generic scopes (PEP 695), cells and frees.
import { describe, expect, it } from "vitest";
import type * as ast from "../../src/compiler/ast";
import { parse } from "../../src/compiler/parser";
import { BlockType, buildSymbolTable, Scope, type SymbolTableEntry } from "../../src/compiler/symtable";

function table(src: string): SymbolTableEntry {
  const mod = parse(src, "<t>", "exec");
  return buildSymbolTable(mod, "<t>", 0, src).top;
}

function child(ste: SymbolTableEntry, name: string): SymbolTableEntry {
  const c = ste.children.find((x) => x.name === name);
  if (!c) throw new Error(`no child ${name} in ${ste.name}: ${ste.children.map((x) => x.name).join(", ")}`);
  return c;
}

function scopes(ste: SymbolTableEntry): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...ste.symbols.keys()].sort()) out[name] = Scope[ste.scopeOf(name)];
  return out;
}

describe("symbol tables", () => {
  it("module, function, nested function: local, global implicit/explicit, cell, free", () => {
    const top = table("x = 1\ndef f(a):\n    global y\n    b = a\n    def g():\n        return a + x + len\n    return g\n");
    expect(scopes(top)).toEqual({ f: "Local", x: "Local", y: "GlobalExplicit" });
    const f = child(top, "f");
    expect(scopes(f)).toEqual({ a: "Cell", b: "Local", g: "Local", y: "GlobalExplicit" });
    expect(f.varnames).toEqual(["a"]);
    const g = child(f, "g");
    expect(scopes(g)).toEqual({ a: "Free", len: "GlobalImplicit", x: "GlobalImplicit" });
    expect(g.nested).toBe(true);
  });

  it("class scopes are invisible to methods, and super() creates the __class__ cell", () => {
    const top = table("def outer():\n    v = 1\n    class C:\n        v = 2\n        def m(self):\n            return v, super()\n    return C\n");
    const outer = child(top, "outer");
    expect(outer.scopeOf("v")).toBe(Scope.Cell);
    const c = child(outer, "C");
    expect(c.type).toBe(BlockType.Class);
    expect(c.needsClassClosure).toBe(true);
    const m = child(c, "m");
    expect(m.scopeOf("v")).toBe(Scope.Free);
    expect(m.scopeOf("__class__")).toBe(Scope.Free);
    expect(m.scopeOf("super")).toBe(Scope.GlobalImplicit);
  });

  it("inlines list/set/dict comprehensions but keeps generator expressions as scopes", () => {
    const top = table("def f(xs):\n    a = [x for x in xs]\n    b = (y for y in xs)\n    return a, b\n");
    const f = child(top, "f");
    // The list comprehension's scope was merged: its children moved up, x is a local of f.
    expect(f.children.map((c) => c.name)).toEqual(["<genexpr>"]);
    expect(f.scopeOf("x")).toBe(Scope.Local);
    const ge = child(f, "<genexpr>");
    expect(ge.generator).toBe(true);
    expect(ge.varnames).toEqual([".0"]);
    expect(ge.scopeOf("y")).toBe(Scope.Local);
  });

  it("walrus in a comprehension binds in the enclosing function; a comprehension variable captured by a lambda is a cell", () => {
    const top = table("def f(xs):\n    [(last := x) for x in xs]\n    fs = [lambda: i for i in xs]\n    return last\n");
    const f = child(top, "f");
    expect(f.scopeOf("last")).toBe(Scope.Local);
    expect(f.scopeOf("i")).toBe(Scope.Cell);
    expect(child(f, "lambda").scopeOf("i")).toBe(Scope.Free);
  });

  it("PEP 695: generic parameter scopes, type alias scopes and __classdict__ for scopes that can see the class", () => {
    const top = table("class Outer:\n    type A[T] = list[T]\n    def m[U](self, u: U) -> U: pass\n");
    const outer = child(top, "Outer");
    expect(outer.needsClassdict).toBe(true);
    const tp = child(outer, "<generic parameters of A>");
    expect(tp.type).toBe(BlockType.TypeParam);
    expect(tp.canSeeClassScope).toBe(true);
    expect(tp.scopeOf("T")).toBe(Scope.Cell);
    const alias = child(tp, "A");
    expect(alias.type).toBe(BlockType.TypeAlias);
    expect(alias.scopeOf("T")).toBe(Scope.Free);
    const mtp = child(outer, "<generic parameters of m>");
    expect(mtp.varnames).toEqual([".defaults"]);
    expect(child(mtp, "m").varnames).toEqual(["self", "u"]);
  });

  it("from __future__ import annotations: annotation scopes catch errors but take no part in the analysis", () => {
    const src = "def f():\n    v = 1\n    def g(a: v) -> y: pass\n";
    const mod = parse(src, "<t>", "exec") as ast.Module;
    const st = buildSymbolTable(mod, "<t>", 0x1000000, src);
    const f = child(st.top, "f");
    expect(f.children.map((c) => c.type)).toEqual([BlockType.Function]);
    expect(f.scopeOf("v")).toBe(Scope.Local);
    expect(st.top.symbols.has("y")).toBe(false);
    const bad = "def f(a: (yield)): pass\n";
    expect(() => buildSymbolTable(parse(bad, "<t>", "exec"), "<t>", 0x1000000, bad)).toThrow("yield expression cannot be used within an annotation");
  });

  it("raises CPython's SyntaxErrors with their locations", () => {
    expect(() => table("def f():\n    x = 1\n    global x\n")).toThrow("name 'x' is assigned to before global declaration");
    try {
      table("def f():\n    def g():\n        nonlocal q\n");
    } catch (e) {
      expect((e as { msg: string; lineno: number; offset: number }).msg).toBe("no binding for nonlocal 'q' found");
      expect((e as { lineno: number }).lineno).toBe(3);
      expect((e as { offset: number }).offset).toBe(9);
    }
  });
});
