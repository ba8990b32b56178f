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
import { baselineNote, partition } from "../support/knownFailures";
import { sourceDecodingSources } from "../support/sourceDecodingCases";

describe("local CPython Lib/ tree", () => {
  let sources: SourceFile[];
  let expected: Map<string, ParseRecord>;

  beforeAll(async () => {
    sources = cpythonLibSources();
    expected = await pyodideVerdicts("cpython-lib", sources);
  });

  it("is the whole tree, with files CPython 3.12 must reject among them", () => {
    // Debian's python3 ships Lib/test separately (libpython3.X-testsuite); without it the must-fail files are absent.
    const hasTests = sources.some((s) => s.name === "test/test_grammar.py");
    if (!hasTests) console.warn("Lib/test is not installed: the must-fail files (badsyntax_*.py) cannot be checked");
    expect(sources.length).toBeGreaterThan(hasTests ? 1500 : 500);
    const rejected = sources.filter((s) => !expected.get(s.name)!.ok);
    console.log(
      `Lib/ (${cpythonLibDir()}): ${sources.length} files; CPython 3.12.7 rejects ${rejected.length}:\n` +
        rejected.map((s) => {
          const e = expected.get(s.name)!;
          return `  ${s.name}: ${e.ok ? "" : `${e.kind}: ${e.msg} (line ${e.lineno})`}`;
        }).join("\n"),
    );
    if (hasTests) expect(rejected.some((s) => /badsyntax_/.test(s.name))).toBe(true);
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
    // Failures outside the baseline (known-failures.json) fail the suite; known ones are printed.
    const failing = results.filter((r) => r.outcome !== "equal" && r.outcome !== "both reject, same error");
    const p = partition("cpython-lib", failing.map((r) => r.name));
    const unexpected = failing.filter((r) => p.unexpected.includes(r.name));
    const count = (o: string): number => unexpected.filter((r) => r.outcome === o).length;
    if (lines.length > 0) console.log(`Lib/ differences:\n${lines.slice(0, 80).join("\n")}`);
    if (baselineNote(p)) console.log(baselineNote(p));
    const problems = [
      // At least 99.9% of accept/reject decisions agree (and never a JS exception).
      decisionAgree / sources.length >= 0.999 ? null : `accept/reject agreement below 99.9%`,
      (counts["JS exception"] ?? 0) === 0 ? null : `${counts["JS exception"]} files raised a JavaScript exception`,
      // Every file both accept has an equal dump; every file both reject fails with the same class, line and message.
      count("dump differs") === 0 ? null : `${count("dump differs")} accepted files have a different dump`,
      count("both reject, different error") === 0 ? null : `${count("both reject, different error")} rejected files fail differently`,
      count("we reject, CPython accepts") + count("we accept, CPython rejects") === 0 ? null : `new accept/reject disagreements`,
    ].filter((x) => x !== null);
    if (problems.length > 0) {
      const news = unexpected.map((r) => `${r.outcome}: ${r.name}${r.detail ? ` — ${r.detail.split("\n")[0]}` : ""}`);
      throw new Error(`${problems.join("; ")} (not in known-failures.json):\n${news.slice(0, 80).join("\n")}`);
    }
  });
});

describe("source decoding (coding declarations, BOM, invalid UTF-8) through decodeSource", () => {
  it("accepts, rejects and decodes each byte sequence as CPython 3.12.7's compile(bytes) does", async () => {
    const sources = sourceDecodingSources();
    const expected = await pyodideVerdicts("source-decoding", sources);
    const fe = await loadFrontEnd();
    const results = compareAll(fe, sources, expected);
    await explainDumpDiffs(fe, sources, results, 50);
    const { counts, lines } = summarise(results);
    const failing = results.filter((r) => r.outcome !== "equal" && r.outcome !== "both reject, same error");
    const p = partition("source-decoding", failing.map((r) => r.name));
    console.log(`source decoding: outcomes ${JSON.stringify(counts)}${lines.length ? `\n${lines.join("\n")}` : ""}\n${baselineNote(p)}`);
    expect(p.unexpected).toEqual([]);
  });
});
