// Conformance: every .py file of the pinned CPython 3.12.7 stdlib parses, and its ast.dump (with positions) equals CPython's.
//
// The expected dumps come from CPython 3.12.7 itself (Pyodide), cached by content hash in the temp dir. python3 (3.11)
// is run too, with the `type_params` fields normalised, to list the files where 3.11 could and could not stand in for
// 3.12: it cannot for files with f-strings (3.12 gives their parts their own positions, PEP 701) nor for files it
// rejects (3.12-only syntax), which is why 3.12 is the reference for every file.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type FileResult,
  type SourceFile,
  compareAll,
  explainDumpDiffs,
  pyodideVerdicts,
  python3Verdicts,
  stdlibSources,
  summarise,
  writeReport,
} from "../support/astCorpus";
import type { ParseRecord } from "../support/frontEnd";
import { loadFrontEnd } from "../support/frontEnd";
import { baselineNote, partition } from "../support/knownFailures";

const FSTRING_START = /(?<![A-Za-z0-9_])(?:[fF][rR]?|[rR][fF])['"]/;

/** Prints names in wrapped lines so the list stays readable in the test log. */
function wrapNames(names: string[]): string {
  const lines: string[] = [];
  let cur = "";
  for (const n of names) {
    if (cur.length + n.length > 150) {
      lines.push(cur);
      cur = "";
    }
    cur += (cur ? ", " : "  ") + n;
  }
  if (cur) lines.push(cur);
  return lines.join("\n");
}

describe("pinned CPython 3.12.7 stdlib (python_stdlib.zip)", () => {
  let sources: SourceFile[];
  let expected: Map<string, ParseRecord>;

  beforeAll(async () => {
    sources = stdlibSources();
    expected = await pyodideVerdicts("stdlib", sources);
  });

  it("has the 511 .py files, all accepted by CPython 3.12.7", () => {
    expect(sources.length).toBe(511);
    const rejected = sources.filter((s) => !expected.get(s.name)!.ok).map((s) => s.name);
    expect(rejected).toEqual([]);
  });

  it("python3 3.11 (type_params-normalised) differs from 3.12 only on files with f-strings or 3.12-only syntax", () => {
    const v311 = python3Verdicts("stdlib", sources);
    const agree: string[] = [];
    const fstringDiff: string[] = [];
    const rejected311: string[] = [];
    const unexplained: string[] = [];
    for (const s of sources) {
      const a = v311.get(s.name)!;
      const b = expected.get(s.name)!;
      if (!a.ok) rejected311.push(`${s.name} (${a.msg}, line ${a.lineno})`);
      else if (b.ok && a.sha1 === b.sha1) agree.push(s.name);
      else if (FSTRING_START.test(Buffer.from(s.bytes).toString("latin1"))) fstringDiff.push(s.name);
      else unexplained.push(s.name);
    }
    console.log(
      `stdlib oracle: CPython 3.12.7 (Pyodide) for all ${sources.length} files.\n` +
        `3.11 agrees with 3.12 on ${agree.length} files; differs on ${fstringDiff.length} files with f-strings ` +
        `(PEP 701 positions); rejects ${rejected311.length} (3.12-only syntax):\n${wrapNames(rejected311)}`,
    );
    expect(unexplained).toEqual([]);
    expect(agree.length + fstringDiff.length + rejected311.length).toBe(sources.length);
  });

  it("every file parses with our front end and its dump equals CPython 3.12.7's", { timeout: 600_000 }, async () => {
    const fe = await loadFrontEnd();
    const results: FileResult[] = compareAll(fe, sources, expected);
    await explainDumpDiffs(fe, sources, results, 1000);
    const { counts, lines } = summarise(results);
    const equal = counts["equal"] ?? 0;
    console.log(
      `stdlib: ${equal} / ${sources.length} files equal to CPython 3.12.7; outcomes ${JSON.stringify(counts)}; ` +
        `per-file report: ${writeReport("stdlib", results)}\nfiles compared:\n${wrapNames(sources.map((s) => s.name))}`,
    );
    const failing = results.filter((r) => r.outcome !== "equal");
    const p = partition("stdlib", failing.map((r) => r.name));
    if (lines.length > 0) console.log(`stdlib differences:\n${lines.slice(0, 80).join("\n")}`);
    if (baselineNote(p)) console.log(baselineNote(p));
    if (p.unexpected.length > 0) {
      const news = lines.filter((l) => p.unexpected.some((n) => l.includes(`: ${n}`)));
      throw new Error(`${p.unexpected.length} of ${sources.length} stdlib files differ from CPython 3.12.7 (not in known-failures.json):\n${news.slice(0, 80).join("\n")}`);
    }
  });
});
