// Every property, predicate, case mapping and normalization of every code point vs CPython 3.12.7 (Pyodide) and 3.11.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as U from "../../../src/runtime/unicode/index";
import { runPyodide, runPython3 } from "../../support/oracles";

const DUMP = readFileSync(join(__dirname, "oracleDump.py"), "utf8");
const MAX_CP = 0x110000;

type Run = [string | number, number];
interface Dump { version: string; props: Record<string, Run[]> }

function mapped(cp: number, r: string): string {
  const cps = U.toCodePoints(r);
  if (cps.length === 1) return `d${cps[0] - cp}`;
  return cps.map((c) => c.toString(16).toUpperCase()).join(" ");
}

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

/** Python's repr() of a float that unicodedata.numeric returns, via Number (both sides are doubles). */
const numericKey = (v: number | undefined): string => (v === undefined ? "None" : String(v));

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

function oracleValue(prop: string, v: string | number): string | number {
  return prop === "numeric" ? numericKey(v === "None" ? undefined : Number(v)) : v;
}

/** Expands a run-length list into one value per code point. */
function expand(runs: Run[]): (string | number)[] {
  const out: (string | number)[] = [];
  for (const [v, n] of runs) for (let k = 0; k < n; k++) out.push(v);
  if (out.length !== MAX_CP) throw new Error(`dump covers ${out.length} code points`);
  return out;
}

/** First mismatches of one property over the code points `include` selects. */
function mismatches(dump: Dump, prop: string, include: (cp: number) => boolean): string[] {
  const theirs = expand(dump.props[prop]);
  const bad: string[] = [];
  for (let cp = 0; cp < MAX_CP && bad.length < 10; cp++) {
    if (!include(cp)) continue;
    const ours = OURS[prop](cp);
    const expected = oracleValue(prop, theirs[cp]);
    if (ours !== expected) bad.push(`${prop} U+${cp.toString(16).toUpperCase()}: ours ${ours}, CPython ${expected}`);
  }
  return bad;
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
      expect(mismatches(dump, prop, () => true)).toEqual([]);
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
      expect(mismatches(dump311, prop, (cp) => assigned14[cp] !== "Cn" && !changed(cp))).toEqual([]);
    });
  }
});
