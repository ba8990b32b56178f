// Every property, predicate, case mapping and normalization of every code point vs CPython 3.12.7 (Pyodide) and 3.11.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as U from "../../../src/runtime/unicode/index";
import { runPyodide, runPython3 } from "../../support/oracles";
import { type Dump, expand, mapped, MAX_CP, numericKey, oracleValue } from "./dumpSupport";

const DUMP = readFileSync(join(__dirname, "oracleDump.py"), "utf8");
const hex = (cp: number): string => cp.toString(16).toUpperCase();
/** Same bit order as flags() in oracleDump.py. */
function flags(cp: number): number {
  const ch = String.fromCodePoint(cp);
  const bits = [
    U.strIsAlpha(ch), U.strIsDecimal(ch), U.strIsDigit(ch), U.strIsNumeric(ch), U.strIsAlnum(ch), U.strIsSpace(ch),
    U.strIsLower(ch), U.strIsUpper(ch), U.strIsTitle(ch), U.strIsPrintable(ch), U.strIsIdentifier(ch),
    U.strIsIdentifier("a" + ch), U.isLinebreak(cp),
  ];
  return bits.reduce((acc, b, i) => acc | (b ? 1 << i : 0), 0);
}

const OURS: Record<string, (cp: number) => string | number> = {
  category: U.category,
  bidirectional: U.bidirectional,
  combining: U.combining,
  east_asian_width: U.eastAsianWidth,
  mirrored: U.mirrored,
  decomposition: U.decomposition,
  decimal: U.decimalValue,
  digit: U.digitValue,
  numeric: (cp) => numericKey(U.numericValue(cp)),
  flags,
  lower: (cp) => mapped(cp, U.strLower(String.fromCodePoint(cp))),
  upper: (cp) => mapped(cp, U.strUpper(String.fromCodePoint(cp))),
  title: (cp) => mapped(cp, U.strTitle(String.fromCodePoint(cp))),
  casefold: (cp) => mapped(cp, U.strCasefold(String.fromCodePoint(cp))),
  swapcase: (cp) => mapped(cp, U.strSwapcase(String.fromCodePoint(cp))),
  capitalize: (cp) => mapped(cp, U.strCapitalize(String.fromCodePoint(cp))),
  NFC: (cp) => mapped(cp, U.normalize("NFC", String.fromCodePoint(cp))),
  NFD: (cp) => mapped(cp, U.normalize("NFD", String.fromCodePoint(cp))),
  NFKC: (cp) => mapped(cp, U.normalize("NFKC", String.fromCodePoint(cp))),
  NFKD: (cp) => mapped(cp, U.normalize("NFKD", String.fromCodePoint(cp))),
  is_normalized: (cp) =>
    (["NFC", "NFD", "NFKC", "NFKD"] as const).reduce((acc, f, i) => acc | (U.isNormalized(f, String.fromCodePoint(cp)) ? 1 << i : 0), 0),
};

describe("every code point vs CPython 3.12.7 (Pyodide, Unicode 15.0.0) and 3.11 (python3, Unicode 14.0.0)", () => {
  let dump312: Dump;
  let dump311: Dump;
  let assigned14: (string | number)[];
  beforeAll(async () => {
    dump312 = JSON.parse(await runPyodide(DUMP)) as Dump;
    dump311 = JSON.parse(runPython3(`${DUMP}\nimport sys\nsys.stdout.write(RESULT)`)) as Dump;
    assigned14 = expand(dump311.props.category);
  });

  it("the oracles use Unicode 15.0.0 and 14.0.0", () => {
    expect(dump312.version).toBe(U.UNIDATA_VERSION);
    expect(dump311.version).toBe("14.0.0");
  });

  for (const prop of Object.keys(OURS)) {
    it(prop, () => {
      // Each value of ours is computed once and checked against both oracles.
      const current = expand(dump312.props[prop]);
      const old = expand(dump311.props[prop]);
      // 3.11 is compared on code points assigned in 14.0 whose value 15.0 did not change (e.g. U+10FC became
      // Lowercase in 15.0): such changes are covered by 3.12, and must stay rare.
      let changes = 0;
      const bad: string[] = [];
      for (let cp = 0; cp < MAX_CP && bad.length < 10; cp++) {
        const value = OURS[prop](cp);
        const expected = oracleValue(prop, current[cp]);
        if (value !== expected) bad.push(`${prop} U+${hex(cp)}: ours ${value}, CPython 3.12 ${expected}`);
        if (assigned14[cp] === "Cn") continue;
        if (old[cp] !== current[cp]) changes++;
        else if (value !== oracleValue(prop, old[cp])) bad.push(`${prop} U+${hex(cp)}: ours ${value}, CPython 3.11 ${old[cp]}`);
      }
      expect(bad).toEqual([]);
      expect(changes).toBeLessThan(40);
    });
  }
});
