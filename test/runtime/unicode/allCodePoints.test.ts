// Every property, predicate, case mapping and normalization of every code point vs CPython 3.12.7 (Pyodide) and 3.11.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as U from "../../../src/runtime/unicode/index";
import { runPyodide, runPython3 } from "../../support/oracles";
import { type Dump, expand, mapped, MAX_CP, mismatches, numericKey } from "./dumpSupport";

const DUMP = readFileSync(join(__dirname, "oracleDump.py"), "utf8");
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
};

let pyodideDump: Promise<Dump> | undefined;
/** CPython 3.12.7's dump, computed once per test file. */
function dump312(): Promise<Dump> {
  return (pyodideDump ??= runPyodide(DUMP).then((text) => JSON.parse(text) as Dump));
}

describe("every code point vs CPython 3.12.7 (Pyodide, Unicode 15.0.0)", () => {
  let dump: Dump;
  beforeAll(async () => {
    dump = await dump312();
  });

  it("uses Unicode 15.0.0", () => {
    expect(dump.version).toBe(U.UNIDATA_VERSION);
  });

  for (const prop of Object.keys(OURS)) {
    it(prop, () => {
      expect(mismatches(dump, prop, OURS[prop])).toEqual([]);
    });
  }
});

describe("every code point assigned in Unicode 14.0 vs CPython 3.11 (python3)", () => {
  let dump311: Dump;
  let current312: Dump;
  let assigned14: (string | number)[];
  beforeAll(async () => {
    dump311 = JSON.parse(runPython3(`${DUMP}\nimport sys\nsys.stdout.write(RESULT)`)) as Dump;
    current312 = await dump312();
    assigned14 = expand(dump311.props.category);
  });

  for (const prop of Object.keys(OURS)) {
    // Unicode 15.0 changed a few properties of existing characters (e.g. U+10FC became Lowercase); those are
    // checked against 3.12 above, and must stay rare.
    it(prop, () => {
      const old = expand(dump311.props[prop]);
      const current = expand(current312.props[prop]);
      const changed = (cp: number): boolean => old[cp] !== current[cp];
      let changes = 0;
      for (let cp = 0; cp < MAX_CP; cp++) if (assigned14[cp] !== "Cn" && changed(cp)) changes++;
      expect(changes).toBeLessThan(40);
      expect(mismatches(dump311, prop, OURS[prop], (cp) => assigned14[cp] !== "Cn" && !changed(cp))).toEqual([]);
    });
  }
});
