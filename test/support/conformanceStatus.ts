// Regenerates the measured part of test/compiler/golden/STATUS.md: pass rates of the conformance harnesses and their failures grouped by category.
//
// Usage: npx tsx test/support/conformanceStatus.ts [--write-known-failures]
// Everything from the line "## Notes" on is kept as written by hand. With --write-known-failures it also rewrites the
// baseline test/compiler/golden/known-failures.json from the current failures (reason = the first difference).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  type FileResult,
  compareAll,
  cpythonLibSources,
  explainDumpDiffs,
  pyodideVerdicts,
  type SourceFile,
  stdlibSources,
} from "./astCorpus";
import { type FrontEnd, loadFrontEnd } from "./frontEnd";
import { KNOWN_FAILURES_FILE, type KnownFailures } from "./knownFailures";
import { differentialInputs } from "./fuzzInputs";
import { sourceDecodingSources } from "./sourceDecodingCases";
import { type CaseOutcome, checkCase, readGolden } from "./syntaxErrorCases";

const STATUS = resolve(__dirname, "../compiler/golden/STATUS.md");
/** Rows per failure table; the rest is summed up in one line. */
const MAX_ROWS = 30;
const known: KnownFailures = {
  stdlib: {},
  "cpython-lib": {},
  "source-decoding": {},
  "syntax-errors": {},
  "syntax-errors-printed": {},
  "fuzz-differential": {},
};

function countBy<T>(items: T[], key: (t: T) => string): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

/** "Node.field" of a dump difference, or the outcome for the other kinds of failure. */
function category(r: FileResult): string {
  if (r.outcome === "dump differs") return `dump differs at ${r.detail.split(" (")[0] || "?"}`;
  if (r.outcome === "both reject, different error") {
    // "ours X: msg (line ..); CPython Y: msg (line ..)" -> the two messages, numbers blanked.
    const m = /^ours (.*?) \(line .*?; CPython (.*?) \(line /.exec(r.detail);
    if (m !== null) return `ours "${m[1]}", CPython "${m[2]}"`.replace(/\b\d+\b/g, "N");
  }
  return r.outcome;
}

async function corpusSection(
  fe: FrontEnd,
  title: string,
  corpus: "stdlib" | "cpython-lib" | "source-decoding" | "fuzz-differential",
  sources: SourceFile[],
): Promise<string[]> {
  const verdicts = await pyodideVerdicts(corpus, sources);
  const results = compareAll(fe, sources, verdicts);
  await explainDumpDiffs(fe, sources, results, 1000);
  const bad = results.filter((r) => r.outcome !== "equal" && r.outcome !== "both reject, same error");
  for (const r of bad) known[corpus][r.name] = `${r.outcome}: ${r.detail.split("\n")[0]}`.slice(0, 300);
  const agree = results.filter((r) => !["we reject, CPython accepts", "we accept, CPython rejects", "JS exception"].includes(r.outcome));
  const equal = results.filter((r) => r.outcome === "equal").length;
  const accepted = results.filter((r) => verdicts.get(r.name)!.ok).length;
  const out = [
    `### ${title}`,
    "",
    `${equal} / ${accepted} accepted files have equal dumps; accept/reject decisions agree on ${agree.length} / ${sources.length} ` +
      `files; ${results.filter((r) => r.outcome === "both reject, same error").length} / ${sources.length - accepted} ` +
      `rejected files fail with the same class, line and message.`,
    "",
  ];
  if (bad.length > 0) {
    out.push("| failures | category | examples |", "|---|---|---|");
    const cats = countBy(bad, category);
    for (const [cat, n] of cats.slice(0, MAX_ROWS)) {
      const ex = bad.filter((r) => category(r) === cat).slice(0, 2);
      out.push(`| ${n} | ${cat} | ${ex.map((r) => `${r.name}: ${r.detail.split("\n")[0].slice(0, 160)}`.replace(/\|/g, "\\|")).join("<br>")} |`);
    }
    if (cats.length > MAX_ROWS) out.push(`| ${cats.slice(MAX_ROWS).reduce((a, [, n]) => a + n, 0)} | (${cats.length - MAX_ROWS} more categories) | |`);
    out.push("");
  }
  return out;
}

/** Groups syntax-error mismatches: the expected message when ours differs, else which fields differ. */
function errorCategory(o: Extract<CaseOutcome, { ok: false }>): string {
  if (o.fields.includes("accepted")) return "accepted (CPython rejects)";
  if (o.fields.includes("crash")) return "JS exception";
  if (o.fields.includes("msg") || o.fields.includes("kind")) return `message: wants "${o.case.expected.msg}"`;
  return `positions/text only: ${o.fields.join(", ")}`;
}

function syntaxSection(fe: FrontEnd): string[] {
  const golden = readGolden();
  const outcomes = golden.cases.map((c) => checkCase(fe, c));
  const failures = outcomes.filter((o): o is Extract<CaseOutcome, { ok: false }> => !o.ok);
  for (const f of failures) known["syntax-errors"][f.case.name] = f.why.slice(0, 300);
  const out = [
    "### syntaxErrors (golden table)",
    "",
    `${outcomes.length - failures.length} / ${outcomes.length} cases match CPython 3.12.7 (class, msg, lineno, offset, end_lineno, end_offset, text).`,
    "",
  ];
  // What formatSyntaxError prints, against what CPython prints for the same uncaught error.
  const misprinted = golden.cases.filter((c) => {
    try {
      fe.parse(c.source, "<test>", c.mode);
      return true;
    } catch (e) {
      return !(e instanceof fe.PySyntaxError) || fe.formatSyntaxError(e) !== c.printed;
    }
  });
  for (const c of misprinted) known["syntax-errors-printed"][c.name] = "printed error differs";
  out.push(`${golden.cases.length - misprinted.length} / ${golden.cases.length} printed errors (formatSyntaxError) equal CPython's.`, "");
  if (failures.length > 0) {
    out.push("| failures | category | cases |", "|---|---|---|");
    const cats = countBy(failures, errorCategory);
    for (const [cat, n] of cats.slice(0, MAX_ROWS)) {
      const names = failures.filter((f) => errorCategory(f) === cat).map((f) => f.case.name);
      out.push(`| ${n} | ${cat.replace(/\|/g, "\\|")} | ${names.slice(0, 8).join(", ")}${names.length > 8 ? ", ..." : ""} |`);
    }
    if (cats.length > MAX_ROWS) out.push(`| ${cats.slice(MAX_ROWS).reduce((a, [, n]) => a + n, 0)} | (${cats.length - MAX_ROWS} more categories) | |`);
    out.push("");
  }
  return out;
}

async function main(): Promise<void> {
  const fe = await loadFrontEnd();
  const notes = existsSync(STATUS) ? readFileSync(STATUS, "utf8").split(/^## Notes$/m)[1] : undefined;
  const lines = [
    "# Front-end conformance status",
    "",
    `Generated ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npx tsx test/support/conformanceStatus.ts\` ` +
      "(reference: CPython 3.12.7 via Pyodide). Per-file reports: `$TMPDIR/pypack-ast-oracle/report-*.txt` after a test run.",
    "",
    "The suites fail on any failure not listed in `known-failures.json` (the baseline, rewritten by this script with " +
      "`--write-known-failures`); `PYPACK_CONFORMANCE_STRICT=1 npx vitest run test/compiler` fails on every difference. " +
      "One file or snippet: `npx tsx test/support/compareOne.ts FILE` / `-c 'CODE'`.",
    "",
    ...(await corpusSection(fe, "stdlibParse: pinned 3.12.7 stdlib (python_stdlib.zip)", "stdlib", stdlibSources())),
    ...(await corpusSection(fe, "cpythonLibParse: local CPython Lib/ tree", "cpython-lib", cpythonLibSources())),
    ...(await corpusSection(fe, "source decoding: coding declarations, BOM, invalid UTF-8", "source-decoding", sourceDecodingSources())),
    ...syntaxSection(fe),
    ...(await corpusSection(
      fe,
      "parserFuzz differential: mutated stdlib snippets and token soups",
      "fuzz-differential",
      differentialInputs(stdlibSources().map((s) => new TextDecoder().decode(s.bytes)), 1500).map(({ name, text }) => ({
        name,
        bytes: new TextEncoder().encode(text),
        origin: { path: "" },
      })),
    )),
    `## Notes${notes ?? "\n\n(hand-written notes go here)\n"}`,
  ];
  writeFileSync(STATUS, lines.join("\n").replace(/\n*$/, "\n"));
  console.log(`wrote ${STATUS}`);
  if (process.argv.includes("--write-known-failures")) {
    writeFileSync(KNOWN_FAILURES_FILE, `${JSON.stringify(known, null, 1)}\n`);
    console.log(`wrote ${KNOWN_FAILURES_FILE}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
