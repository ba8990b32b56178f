// Compiling CPython 3.12's own AST (Pyodide, via test/support/pyast_to_json.py) gives byte-identical serialised code to compiling
// our parser's AST: the compiler sees the same trees, positions included. Every 4th module of the pinned stdlib (the JSON trees
// are large; the full-stdlib run passes too: set PYPACK_FULL_AST_ORACLE=1).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileAst } from "../../src/compiler/compile";
import { serializeCode } from "../../src/compiler/marshal";
import { parse } from "../../src/compiler/parser";
import { decodeSource } from "../../src/compiler/sourceDecoding";
import { stdlibSources } from "../support/astCorpus";
import { runPyodide } from "../support/oracles";
import { loadPyAst } from "../support/pyast";

const SCRIPT = readFileSync(join(__dirname, "../support/pyast_to_json.py"), "utf8");

describe("CPython's AST through our compiler", () => {
  it("gives the same code objects as our parser's AST for stdlib modules", { timeout: 600_000 }, async () => {
    const all = stdlibSources();
    const sources = process.env.PYPACK_FULL_AST_ORACLE ? all : all.filter((_s, i) => i % 4 === 0);
    const trees = JSON.parse(
      await runPyodide(
        `${SCRIPT.replace('if __name__ == "__main__":', "if False:")}
import json, zipfile
zf = zipfile.ZipFile('/lib/python312.zip')
json.dumps({n: source_to_json(zf.read(n), n) for n in json.loads(INPUT)})`,
        sources.map((s) => s.name),
      ),
    ) as Record<string, string>;
    const diffs: string[] = [];
    for (const s of sources) {
      const text = decodeSource(s.bytes, s.name);
      const ours = serializeCode(compileAst(parse(text, s.name, "exec"), s.name, "exec", {}, text));
      const theirs = serializeCode(compileAst(loadPyAst(trees[s.name]), s.name, "exec", {}, text));
      if (!Buffer.from(ours).equals(Buffer.from(theirs))) diffs.push(s.name);
    }
    expect(diffs).toEqual([]);
  });
});
