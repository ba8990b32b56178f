// Conformance over the local CPython's whole Lib/ tree (tests included): accept/reject decisions, dumps and errors agree with CPython 3.12.7.
//
// The files are 3.11's sources; the reference is what CPython 3.12.7 (Pyodide) does with the same bytes, decoded as a
// file is (coding cookies, BOM, latin-1 test data) through decodeSource. Verdicts are cached by content hash.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type SourceFile,
  compareAll,
  cpythonLibDir,
  cpythonLibSources,
  explainDumpDiffs,
  pyodideVerdicts,
  summarise,
  writeReport,
} from "../support/astCorpus";
import { type ParseRecord, loadFrontEnd } from "../support/frontEnd";

describe("local CPython Lib/ tree", () => {
  let sources: SourceFile[];
  let expected: Map<string, ParseRecord>;

  beforeAll(async () => {
    sources = cpythonLibSources();
    expected = await pyodideVerdicts("cpython-lib", sources);
  });

  it("is the whole tree, with files CPython 3.12 must reject among them", () => {
    expect(sources.length).toBeGreaterThan(1500);
    const rejected = sources.filter((s) => !expected.get(s.name)!.ok);
    console.log(
      `Lib/ (${cpythonLibDir()}): ${sources.length} files; CPython 3.12.7 rejects ${rejected.length}:\n` +
        rejected.map((s) => {
          const e = expected.get(s.name)!;
          return `  ${s.name}: ${e.ok ? "" : `${e.kind}: ${e.msg} (line ${e.lineno})`}`;
        }).join("\n"),
    );
    expect(rejected.some((s) => /badsyntax_/.test(s.name))).toBe(true);
  });

  it("our front end agrees with CPython 3.12.7 on every file", { timeout: 900_000 }, async () => {
    const fe = await loadFrontEnd();
    const results = compareAll(fe, sources, expected);
    await explainDumpDiffs(fe, sources, results, 1000);
    const { counts, lines } = summarise(results);
    const decisionAgree = results.filter(
      (r) => r.outcome !== "we reject, CPython accepts" && r.outcome !== "we accept, CPython rejects" && r.outcome !== "JS exception",
    ).length;
    console.log(
      `Lib/: ${counts["equal"] ?? 0} files with equal dumps; accept/reject agreement ${decisionAgree} / ${sources.length} ` +
        `(${((100 * decisionAgree) / sources.length).toFixed(2)}%); outcomes ${JSON.stringify(counts)}; ` +
        `per-file report: ${writeReport("cpython-lib", results)}`,
    );
    const problems = [
      // At least 99.9% of accept/reject decisions agree (and never a JS exception).
      decisionAgree / sources.length >= 0.999 ? null : `accept/reject agreement below 99.9%`,
      (counts["JS exception"] ?? 0) === 0 ? null : `${counts["JS exception"]} files raised a JavaScript exception`,
      // Every file both accept has an equal dump; every file both reject fails with the same class, line and message.
      (counts["dump differs"] ?? 0) === 0 ? null : `${counts["dump differs"]} accepted files have a different dump`,
      (counts["both reject, different error"] ?? 0) === 0 ? null : `${counts["both reject, different error"]} rejected files fail differently`,
    ].filter((p) => p !== null);
    if (problems.length > 0) throw new Error(`${problems.join("; ")}:\n${lines.slice(0, 80).join("\n")}`);
  });
});
