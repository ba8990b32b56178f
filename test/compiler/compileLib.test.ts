// The local CPython Lib/ tree (tests included) through the compiler: where our parser accepts a file, we accept exactly the files
// CPython 3.12.7 (Pyodide) compiles, and reject the others with its class, message and line (symbol-table / compiler errors).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileAst } from "../../src/compiler/compile";
import { PySyntaxError } from "../../src/compiler/errors";
import { parse } from "../../src/compiler/parser";
import { decodeSource } from "../../src/compiler/sourceDecoding";
import { cpythonLibSources, type SourceFile } from "../support/astCorpus";
import { runPyodide } from "../support/oracles";

interface Verdict {
  ok: boolean;
  cls?: string;
  msg?: string;
  lineno?: number;
}

const PY_COMPILE = `
import json, base64, warnings
items = json.loads(INPUT)
out = {}
warnings.simplefilter("ignore")
for key, name, b64 in items:
    try:
        compile(base64.b64decode(b64), name, 'exec', dont_inherit=True)
        out[key] = {"ok": True}
    except SyntaxError as e:
        out[key] = {"ok": False, "cls": type(e).__name__, "msg": e.msg, "lineno": e.lineno}
    except Exception as e:
        out[key] = {"ok": False, "cls": type(e).__name__, "msg": str(e), "lineno": 0}
json.dumps(out)
`;

/** CPython 3.12.7's compile() verdicts, cached by content hash in the temp dir. */
async function compileVerdicts(sources: SourceFile[]): Promise<Map<string, Verdict>> {
  const dir = join(tmpdir(), "pypack-compile-oracle");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "cpython-3.12.7-compile.json");
  const cache: Record<string, Verdict> = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, Verdict>) : {};
  const key = (s: SourceFile): string => createHash("sha1").update(s.bytes).digest("hex");
  const missing = sources.filter((s) => !(key(s) in cache));
  for (let i = 0; i < missing.length; i += 200) {
    const chunk = missing.slice(i, i + 200).map((s) => [key(s), s.name, Buffer.from(s.bytes).toString("base64")]);
    Object.assign(cache, JSON.parse(await runPyodide(PY_COMPILE, chunk)) as Record<string, Verdict>);
  }
  if (missing.length > 0) {
    writeFileSync(`${path}.${process.pid}`, JSON.stringify(cache));
    renameSync(`${path}.${process.pid}`, path);
  }
  return new Map(sources.map((s) => [s.name, cache[key(s)]]));
}

describe("local CPython Lib/ tree", () => {
  it("compile verdicts agree with CPython 3.12.7 wherever our parser accepts the file", { timeout: 900_000 }, async () => {
    const sources = cpythonLibSources();
    const verdicts = await compileVerdicts(sources);
    const disagreements: string[] = [];
    let compiled = 0;
    let rejected = 0;
    let parserSkipped = 0;
    for (const s of sources) {
      const theirs = verdicts.get(s.name) as Verdict;
      let mod;
      let source: string;
      try {
        source = decodeSource(s.bytes, s.name);
        mod = parse(source, s.name, "exec");
      } catch {
        parserSkipped++; // the front end's own conformance suite covers these
        continue;
      }
      let ours: Verdict;
      try {
        compileAst(mod, s.name, "exec", {}, source);
        ours = { ok: true };
        compiled++;
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw new Error(`${s.name}: ${(e as Error).stack}`);
        ours = { ok: false, cls: e.kind, msg: e.msg, lineno: e.lineno };
        rejected++;
      }
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) disagreements.push(`${s.name}: ours ${JSON.stringify(ours)}, CPython ${JSON.stringify(theirs)}`);
    }
    console.log(`Lib/: ${sources.length} files, ${compiled} compiled, ${rejected} rejected, ${parserSkipped} rejected by the parser (not compared)`);
    expect(disagreements).toEqual([]);
  });
});
