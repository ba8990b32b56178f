// Regenerates test/compiler/golden/syntax-errors.json: CPython 3.12.7's (Pyodide) error for every case of syntax-error-cases.txt, cross-checked with python3 3.11.
//
// Usage: npx tsx test/support/genSyntaxErrors.ts [--mine]
// --mine first appends to syntax-error-cases.txt the invalid programs mined from the local CPython's Lib/test
// (test/support/mineSyntaxErrorCases.py) that CPython 3.12.7's parser rejects and the file does not have yet.
// Each source is parsed as a str with compile(source, "<test>", mode, ast.PyCF_ONLY_AST), i.e. by the parser alone
// (no symbol table, no compiler), so only parser-level errors are recorded. A case CPython 3.12 accepts is an error
// in the case list: the generator lists such cases and exits non-zero without writing anything.
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ErrorRecord, ParseRecord } from "./frontEnd";
import { loadPyodideOnce } from "./oracles";
import { CASES_FILE, type Golden, type GoldenCase, GOLDEN_FILE, readCases } from "./syntaxErrorCases";

const ORACLE = resolve(__dirname, "astOracle.py");
const FIELDS = ["kind", "msg", "lineno", "offset", "end_lineno", "end_offset", "text"] as const;

const RUN_ALL = `
import json
json.dumps([parse_one(c["source"], "<test>", False, c["mode"]) for c in json.loads(INPUT)])
`;
const FORMAT_ALL = `
import json
json.dumps([format_error(c["source"], "<test>", c["mode"]) for c in json.loads(INPUT)])
`;

/** CPython 3.12.7's error record and printed error text for every case. */
async function cpython312(cases: Array<{ source: string; mode: string }>): Promise<{ records: ParseRecord[]; printed: string[] }> {
  const py = await loadPyodideOnce();
  py.runPython(readFileSync(ORACLE, "utf8").replace(/\nif __name__ == "__main__":[\s\S]*$/, "\n"));
  py.globals.set("INPUT", JSON.stringify(cases));
  const records = JSON.parse(py.runPython(RUN_ALL) as string) as ParseRecord[];
  const printed = JSON.parse(py.runPython(FORMAT_ALL) as string) as string[];
  return { records, printed };
}

function cpython311(cases: Array<{ source: string; mode: string }>): ParseRecord[] {
  const script = `import sys, json\nsys.path.insert(0, ${JSON.stringify(resolve(__dirname))})\nfrom astOracle import parse_one\nINPUT = sys.stdin.read()\nprint(${RUN_ALL.trim().split("\n").pop()})`;
  const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(cases), encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ParseRecord[];
}

function sameError(a: ErrorRecord, b: ErrorRecord): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

/** Writes a source as a case body: verbatim when it can be, else with the [escapes] flag. */
function caseText(name: string, source: string): string | null {
  const flags: string[] = [];
  let body = source;
  if (/[\r\f\v\0\x01-\x08\x0e-\x1f\x7f\ud800-\udfff]/.test(body)) {
    flags.push("escapes");
    body = body.replace(/\\/g, "\\\\").replace(/[\r\f\v\0\x01-\x08\x0e-\x1f\x7f\ud800-\udfff]/g, (c) => {
      const code = c.charCodeAt(0);
      if (c === "\r") return "\\r";
      if (c === "\f") return "\\f";
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    });
  }
  if (!body.endsWith("\n")) flags.push("noeol");
  else body = body.slice(0, -1);
  if (/^### /m.test(body)) return null;
  return `### ${name}${flags.length ? ` [${flags.join(" ")}]` : ""}\n${body}\n`;
}

/** Appends mined cases that CPython 3.12.7 rejects and that the case file lacks. */
async function mine(): Promise<void> {
  const r = spawnSync("python3", [resolve(__dirname, "mineSyntaxErrorCases.py")], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`mining failed: ${r.stderr}`);
  const mined = JSON.parse(r.stdout) as Array<[string, string]>;
  const known = new Set(readCases().map((c) => c.source));
  const fresh = mined.filter(([, src]) => !known.has(src) && !known.has(`${src}\n`));
  const { records } = await cpython312(fresh.map(([, source]) => ({ source, mode: "exec" })));
  const counters = new Map<string, number>();
  let added = 0;
  let text = "";
  fresh.forEach(([origin, source], i) => {
    if (records[i].ok) return;
    const base = `mined-${origin.replace(/^test\//, "").replace(/\.py:/, "-").replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const n = (counters.get(base) ?? 0) + 1;
    counters.set(base, n);
    const entry = caseText(`${base}-${n}`, source);
    if (entry !== null) {
      text += entry;
      added++;
    }
  });
  appendFileSync(CASES_FILE, text);
  console.log(`mined ${mined.length} candidates, ${fresh.length} new; appended ${added} that CPython 3.12.7 rejects`);
}

async function main(): Promise<void> {
  if (process.argv.includes("--mine")) await mine();
  const cases = readCases();
  const input = cases.map((c) => ({ source: c.source, mode: c.mode }));
  const { records: r312, printed } = await cpython312(input);
  const r311 = cpython311(input);
  const accepted = cases.filter((_c, i) => r312[i].ok).map((c) => c.name);
  if (accepted.length > 0) {
    console.error(`CPython 3.12.7 accepts ${accepted.length} case(s); fix or remove them:\n  ${accepted.join("\n  ")}`);
    process.exit(1);
  }
  const golden: GoldenCase[] = cases.map((c, i) => {
    const expected = r312[i] as ErrorRecord;
    const old = r311[i];
    const cpython311 = old.ok ? "accepted" : sameError(old, expected) ? "same" : old;
    return { ...c, expected, printed: printed[i], cpython311 };
  });
  const out: Golden = {
    comment:
      "Generated by `npx tsx test/support/genSyntaxErrors.ts` from syntax-error-cases.txt; do not edit. " +
      "expected = CPython 3.12.7 (Pyodide) parsing the source as a str with PyCF_ONLY_AST; printed = what CPython prints " +
      "for it uncaught (sys.excepthook, no traceback frames); cpython311 = python3 3.11's error where it differs.",
    cpython: "3.12.7",
    cases: golden,
  };
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(out, null, 1)}\n`);
  const same = golden.filter((g) => g.cpython311 === "same").length;
  const messages = new Set(golden.map((g) => g.expected.msg.replace(/\d+/g, "N")));
  console.log(`wrote ${golden.length} cases (${messages.size} distinct messages); 3.11 gives the same error for ${same}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
