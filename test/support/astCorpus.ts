// Corpus side of the parser conformance harnesses: the source files, the oracles' verdicts (cached by content hash), and the comparison report.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { unzipSync } from "fflate";
import { type ErrorRecord, type FrontEnd, type OurRecord, type ParseRecord, runOurs } from "./frontEnd";
import { loadPyodideOnce } from "./oracles";

export interface SourceFile {
  /** Name shown in reports (path inside the zip or relative to Lib/). */
  name: string;
  bytes: Uint8Array;
  /** Where python3 can read the same bytes. */
  origin: { path: string } | { zip: string; member: string };
}

const ORACLE_SCRIPT = resolve(__dirname, "astOracle.py");
export const STDLIB_ZIP = resolve(__dirname, "../../node_modules/pyodide/python_stdlib.zip");

/** The .py files of the pinned CPython 3.12.7 stdlib (pyodide's python_stdlib.zip). */
export function stdlibSources(): SourceFile[] {
  const entries = unzipSync(readFileSync(STDLIB_ZIP), { filter: (f) => f.name.endsWith(".py") });
  return Object.keys(entries)
    .sort()
    .map((name) => ({ name, bytes: entries[name], origin: { zip: STDLIB_ZIP, member: name } }));
}

/** The directory of the local CPython's Lib/ (python3 -c "import os; print(os.path.dirname(os.__file__))"). */
export function cpythonLibDir(): string {
  const r = spawnSync("python3", ["-c", "import os; print(os.path.dirname(os.__file__))"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python3 is needed for this test: ${r.stderr || r.error}`);
  return r.stdout.trim();
}

/** Every .py file under the local CPython's Lib/, tests included, site-packages (and Debian's dist-packages) excluded. */
export function cpythonLibSources(): SourceFile[] {
  const root = cpythonLibDir();
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st === undefined) continue;
      if (st.isDirectory()) {
        if (name !== "site-packages" && name !== "dist-packages" && name !== "__pycache__") walk(p);
      } else if (name.endsWith(".py") && st.isFile()) {
        out.push({ name: relative(root, p), bytes: new Uint8Array(readFileSync(p)), origin: { path: p } });
      }
    }
  };
  walk(root);
  return out;
}

function contentKey(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

type Cache = Record<string, ParseRecord>;

/** One JSON cache file per oracle and corpus in the temp dir, invalidated when astOracle.py changes. */
function cachePath(oracle: string, corpus: string): string {
  const scriptHash = contentKey(readFileSync(ORACLE_SCRIPT)).slice(0, 12);
  const dir = join(tmpdir(), "pypack-ast-oracle");
  mkdirSync(dir, { recursive: true });
  return join(dir, `${oracle}-${corpus}-${scriptHash}.json`);
}

function readCache(path: string): Cache {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Cache;
  } catch {
    return {};
  }
}

function writeCache(path: string, cache: Cache): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cache));
  renameSync(tmp, path);
}

async function pyodideParser(): Promise<(bytes: Uint8Array, filename: string, wantDump: boolean) => ParseRecord> {
  const py = await loadPyodideOnce();
  py.runPython(readFileSync(ORACLE_SCRIPT, "utf8").replace(/\nif __name__ == "__main__":[\s\S]*$/, "\n"));
  const fn = (py as unknown as { globals: { get(n: string): (b: Uint8Array, f: string, d: boolean) => string } }).globals.get(
    "parse_js",
  );
  return (bytes, filename, wantDump) => JSON.parse(fn(bytes, filename, wantDump)) as ParseRecord;
}

/** CPython 3.12.7's verdict (Pyodide) for every source, keyed by name; cached by content hash. */
export async function pyodideVerdicts(corpus: string, sources: SourceFile[]): Promise<Map<string, ParseRecord>> {
  const path = cachePath("cpython-3.12.7", corpus);
  const cache = readCache(path);
  const missing = sources.filter((s) => !(contentKey(s.bytes) in cache));
  if (missing.length > 0) {
    const parseOne = await pyodideParser();
    for (const s of missing) cache[contentKey(s.bytes)] = parseOne(s.bytes, s.name, false);
    writeCache(path, cache);
  }
  return new Map(sources.map((s) => [s.name, cache[contentKey(s.bytes)]]));
}

/** CPython 3.12.7's full dumps for a few sources (to show where a dump differs). */
export async function pyodideDumps(sources: SourceFile[]): Promise<Map<string, string>> {
  const parseOne = await pyodideParser();
  const out = new Map<string, string>();
  for (const s of sources) {
    const r = parseOne(s.bytes, s.name, true);
    if (r.ok && r.dump !== undefined) out.set(s.name, r.dump);
  }
  return out;
}

/** python3's (3.11, type_params-normalised) verdict for every source, in one child process; cached by content hash. */
export function python3Verdicts(corpus: string, sources: SourceFile[]): Map<string, ParseRecord> {
  const path = cachePath("python3", corpus);
  const cache = readCache(path);
  const missing = sources.filter((s) => !(contentKey(s.bytes) in cache));
  if (missing.length > 0) {
    const items = missing.map((s) => ({ key: contentKey(s.bytes), filename: s.name, ...s.origin }));
    const r = spawnSync("python3", [ORACLE_SCRIPT], { input: JSON.stringify(items), encoding: "utf8", maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`python3 ${ORACLE_SCRIPT} failed: ${r.stderr || r.error}`);
    Object.assign(cache, JSON.parse(r.stdout) as Cache);
    writeCache(path, cache);
  }
  return new Map(sources.map((s) => [s.name, cache[contentKey(s.bytes)]]));
}

export type Outcome =
  | "equal"
  | "dump differs"
  | "both reject, same error"
  | "both reject, different error"
  | "we reject, CPython accepts"
  | "we accept, CPython rejects"
  | "JS exception";

export interface FileResult {
  name: string;
  outcome: Outcome;
  detail: string;
}

function describeError(e: ErrorRecord): string {
  return `${e.kind}: ${e.msg} (line ${e.lineno}, offset ${e.offset})`;
}

/** Same exception class, line and message (what the issue requires of files that must fail); offsets are reported. */
export function sameError(a: ErrorRecord, b: ErrorRecord): boolean {
  return a.kind === b.kind && a.msg === b.msg && a.lineno === b.lineno;
}

export function classify(name: string, ours: OurRecord, theirs: ParseRecord): FileResult {
  if (ours.ok === "crash") return { name, outcome: "JS exception", detail: ours.message };
  if (ours.ok && theirs.ok) {
    return ours.sha1 === theirs.sha1 ? { name, outcome: "equal", detail: "" } : { name, outcome: "dump differs", detail: "" };
  }
  if (!ours.ok && theirs.ok) return { name, outcome: "we reject, CPython accepts", detail: describeError(ours) };
  if (ours.ok && !theirs.ok) return { name, outcome: "we accept, CPython rejects", detail: describeError(theirs as ErrorRecord) };
  const [o, t] = [ours as ErrorRecord, theirs as ErrorRecord];
  if (sameError(o, t)) return { name, outcome: "both reject, same error", detail: describeError(t) };
  return { name, outcome: "both reject, different error", detail: `ours ${describeError(o)}; CPython ${describeError(t)}` };
}

/** Runs our front end over every source and classifies it against the oracle's verdict. */
export function compareAll(fe: FrontEnd, sources: SourceFile[], verdicts: Map<string, ParseRecord>): FileResult[] {
  return sources.map((s) => classify(s.name, runOurs(fe, s.bytes, s.name), verdicts.get(s.name)!));
}

/**
 * The node a dump line belongs to and the field it is in, e.g. "BinOp.col_offset": with indent=1 a node's fields sit one
 * space deeper than the line that opens it ("BinOp(" or "value=BinOp(").
 */
export function dumpLineOwner(lines: string[], index: number): string {
  const line = lines[index] ?? "";
  const indent = line.length - line.trimStart().length;
  const field = /^\s*(\w+)=/.exec(line)?.[1] ?? "<item>";
  for (let j = index - 1; j >= 0; j--) {
    const l = lines[j];
    const ind = l.length - l.trimStart().length;
    if (ind < indent) {
      const m = /^\s*(?:\w+=)?\[?(\w+)\($/.exec(l);
      if (m !== null) return `${m[1]}.${field}`;
      if (ind < indent - 1) break;
    }
  }
  return field;
}

/** First line where two dumps differ, as "Node.field (dump line N): ours `...` / CPython `...`". */
export function firstDifference(ours: string, theirs: string): string {
  const a = ours.split("\n");
  const b = theirs.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const lineno = b.slice(i).find((l) => /^\s*lineno=/.test(l))?.trim() ?? "";
      return (
        `${dumpLineOwner(b, i)} (dump line ${i + 1}, near ${lineno.replace(/,$/, "")}): ` +
        `ours ${JSON.stringify((a[i] ?? "<end>").trim())} / CPython ${JSON.stringify((b[i] ?? "<end>").trim())}`
      );
    }
  }
  return "dumps are equal";
}

/** Fills in the first differing dump line for up to `limit` "dump differs" results. */
export async function explainDumpDiffs(fe: FrontEnd, sources: SourceFile[], results: FileResult[], limit: number): Promise<void> {
  const byName = new Map(sources.map((s) => [s.name, s]));
  const todo = results.filter((r) => r.outcome === "dump differs").slice(0, limit);
  if (todo.length === 0) return;
  const expected = await pyodideDumps(todo.map((r) => byName.get(r.name)!));
  for (const r of todo) {
    const ours = runOurs(fe, byName.get(r.name)!.bytes, r.name, true);
    const theirs = expected.get(r.name);
    if (ours.ok === true && ours.dump !== undefined && theirs !== undefined) r.detail = firstDifference(ours.dump, theirs);
  }
}

/** Counts per outcome, and the failure lines (one per file) for the report. */
export function summarise(results: FileResult[]): { counts: Record<string, number>; lines: string[] } {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  const lines = results
    .filter((r) => r.outcome !== "equal" && r.outcome !== "both reject, same error")
    .map((r) => `${r.outcome}: ${r.name}${r.detail ? ` — ${r.detail.split("\n")[0]}` : ""}`);
  return { counts, lines };
}

/** Writes a per-file report next to the oracle cache and returns its path. */
export function writeReport(corpus: string, results: FileResult[]): string {
  const path = join(tmpdir(), "pypack-ast-oracle", `report-${corpus}.txt`);
  writeFileSync(path, results.map((r) => `${r.outcome}\t${r.name}\t${r.detail.replace(/\n/g, " | ")}`).join("\n") + "\n");
  return path;
}
