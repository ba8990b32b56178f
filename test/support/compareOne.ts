// Developer tool: compares pypack's front end with CPython 3.12.7 (Pyodide) on one file or snippet and prints where they differ.
//
// Usage: npx tsx test/support/compareOne.ts FILE...      (files are read as bytes and decoded as CPython decodes files)
//        npx tsx test/support/compareOne.ts -c 'CODE'    (the code is UTF-8 encoded first)
// Prints, per input: "equal", the first differing dump line (with the node and field it belongs to), or both errors.
import { readFileSync } from "node:fs";
import { type SourceFile, classify, firstDifference, pyodideDumps } from "./astCorpus";
import { loadPyodideOnce } from "./oracles";
import { type ErrorRecord, type ParseRecord, loadFrontEnd, runOurs } from "./frontEnd";

function inputs(argv: string[]): SourceFile[] {
  if (argv[0] === "-c") return [{ name: "<string>", bytes: new TextEncoder().encode(argv[1] ?? ""), origin: { path: "" } }];
  return argv.map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)), origin: { path: p } }));
}

/** CPython's verdict with the error record in full (the harness cache is not used: this is for one-off checks). */
async function cpythonVerdict(s: SourceFile): Promise<ParseRecord> {
  const py = await loadPyodideOnce();
  py.runPython(readFileSync(`${__dirname}/astOracle.py`, "utf8").replace(/\nif __name__ == "__main__":[\s\S]*$/, "\n"));
  const fn = (py as unknown as { globals: { get(n: string): (b: Uint8Array, f: string, d: boolean) => string } }).globals.get("parse_js");
  return JSON.parse(fn(s.bytes, s.name, false)) as ParseRecord;
}

function showError(label: string, e: ErrorRecord): string {
  return `  ${label}: ${e.kind}: ${e.msg} (line ${e.lineno}, offset ${e.offset}, end ${e.end_lineno}:${e.end_offset}, text ${JSON.stringify(e.text)})`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length === 0) throw new Error("usage: compareOne.ts FILE... | -c CODE");
  const fe = await loadFrontEnd();
  for (const s of inputs(args)) {
    const theirs = await cpythonVerdict(s);
    const ours = runOurs(fe, s.bytes, s.name, true);
    const r = classify(s.name, ours, theirs);
    console.log(`${s.name}: ${r.outcome}`);
    if (r.outcome === "dump differs" && ours.ok === true && ours.dump !== undefined) {
      const expected = (await pyodideDumps([s])).get(s.name) ?? "";
      console.log(`  ${firstDifference(ours.dump, expected)}`);
    } else if (r.outcome !== "equal") {
      if (ours.ok === false) console.log(showError("ours   ", ours));
      if (ours.ok === "crash") console.log(`  ours: JS exception ${ours.message}`);
      if (!theirs.ok) console.log(showError("CPython", theirs));
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
