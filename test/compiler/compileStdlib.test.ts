// The pinned CPython 3.12.7 stdlib (511 modules) through the compiler: every module compiles, code-object metadata equals
// CPython 3.12's (Pyodide) for every nested code object, serialise/load round-trips, and compiling twice gives identical bytes.
import { beforeAll, describe, expect, it } from "vitest";
import { strFromU8 } from "fflate";
import { CodeObject, ConstFrozenset } from "../../src/compiler/code";
import { constRepr } from "../../src/compiler/disassembler";
import { compileSource } from "../../src/compiler/compile";
import { codeEquals, deserializeCode, serializeCode } from "../../src/compiler/marshal";
import { decodeSource } from "../../src/compiler/sourceDecoding";
import { stdlibSources, type SourceFile } from "../support/astCorpus";
import { runPyodide } from "../support/oracles";

/**
 * The attributes compared with CPython: qualname, first line, arg counts, flags, varnames, cellvars, freevars, names, and the
 * non-code constants as a sorted multiset of reprs (frozensets as their size: their repr order depends on hashing).
 */
type Meta = [string, number, number, number, number, number, string[], string[], string[], string[], string[]];

function constsOf(c: CodeObject): string[] {
  return c.co_consts
    .filter((k) => !(k instanceof CodeObject))
    .map((k) => (k instanceof ConstFrozenset ? `frozenset/${k.items.length}` : constRepr(k)))
    .sort();
}

function metaOf(code: CodeObject): Meta[] {
  const out: Meta[] = [];
  const walk = (c: CodeObject): void => {
    out.push([c.co_qualname, c.co_firstlineno, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_flags, c.co_varnames, c.co_cellvars, c.co_freevars, c.co_names, constsOf(c)]);
    for (const k of c.co_consts) if (k instanceof CodeObject) walk(k);
  };
  walk(code);
  return out;
}

const PY_META = `
import json, zipfile
names = json.loads(INPUT)
zf = zipfile.ZipFile('/lib/python312.zip')
def walk(c, acc):
    acc.append([c.co_qualname, c.co_firstlineno, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_flags,
                list(c.co_varnames), list(c.co_cellvars), list(c.co_freevars), list(c.co_names),
                ['frozenset/%d' % len(k) if isinstance(k, frozenset) else repr(k) for k in c.co_consts if not hasattr(k, 'co_code')]])
    for k in c.co_consts:
        if hasattr(k, 'co_code'):
            walk(k, acc)
out = {}
for n in names:
    acc = []
    walk(compile(zf.read(n), n, 'exec', dont_inherit=True), acc)
    out[n] = acc
json.dumps(out)
`;

describe("pinned stdlib", () => {
  let sources: SourceFile[];
  const codes = new Map<string, CodeObject>();

  beforeAll(() => {
    sources = stdlibSources();
  });

  it("all 511 modules compile", () => {
    expect(sources.length).toBe(511);
    const failures: string[] = [];
    for (const s of sources) {
      try {
        codes.set(s.name, compileSource(decodeSource(s.bytes, s.name), s.name, "exec"));
      } catch (e) {
        failures.push(`${s.name}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("code object metadata and constants equal CPython 3.12's for every nested code object", { timeout: 300_000 }, async () => {
    const theirs = JSON.parse(await runPyodide(PY_META, sources.map((s) => s.name))) as Record<string, Meta[]>;
    // Constant order is not compared (only the multiset): sort both sides the same way.
    for (const metas of Object.values(theirs)) for (const m of metas) m[10].sort();
    const diffs: string[] = [];
    for (const s of sources) {
      const mine = metaOf(codes.get(s.name) as CodeObject);
      const ref = theirs[s.name];
      if (JSON.stringify(mine) === JSON.stringify(ref)) continue;
      if (mine.length !== ref.length) {
        diffs.push(`${s.name}: ${mine.length} code objects, CPython ${ref.length}`);
        continue;
      }
      mine.forEach((m, i) => {
        if (JSON.stringify(m) !== JSON.stringify(ref[i])) diffs.push(`${s.name}: ${JSON.stringify(m)} vs ${JSON.stringify(ref[i])}`);
      });
    }
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  it("serialising then loading gives an equal code object, and compiling twice gives identical bytes", () => {
    const bad: string[] = [];
    for (const s of sources) {
      const code = codes.get(s.name) as CodeObject;
      const bytes = serializeCode(code);
      if (!codeEquals(code, deserializeCode(bytes))) bad.push(`${s.name}: round trip differs`);
      const again = serializeCode(compileSource(decodeSource(s.bytes, s.name), s.name, "exec"));
      if (Buffer.compare(Buffer.from(bytes), Buffer.from(again)) !== 0) bad.push(`${s.name}: not deterministic`);
    }
    expect(bad).toEqual([]);
  });

  it("compiles with -O and -OO (asserts and docstrings stripped)", () => {
    const src = strFromU8(sources.find((s) => s.name === "argparse.py")?.bytes as Uint8Array);
    const o0 = compileSource(src, "argparse.py", "exec");
    const o2 = compileSource(src, "argparse.py", "exec", { optimize: 2 });
    const doc = (c: CodeObject): unknown => c.co_consts[0];
    expect(typeof doc(o0)).toBe("string");
    const hasDocAssign = (c: CodeObject): boolean => c.co_names.includes("__doc__");
    expect(hasDocAssign(o0)).toBe(true);
    expect(hasDocAssign(o2)).toBe(false);
  });
});
