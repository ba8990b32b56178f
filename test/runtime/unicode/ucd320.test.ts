// unicodedata.ucd_3_2_0's view of every code point (properties and single-character normalization) vs CPython 3.12.7.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ucd320 } from "../../../src/runtime/unicode/index";
import { runPyodide } from "../../support/oracles";
import { type Dump, mapped, mismatches, numericKey } from "./dumpSupport";

const one = (cp: number): string => String.fromCodePoint(cp);

const OURS: Record<string, (cp: number) => string | number> = {
  category: ucd320.category,
  bidirectional: ucd320.bidirectional,
  combining: ucd320.combining,
  east_asian_width: ucd320.eastAsianWidth,
  mirrored: ucd320.mirrored,
  decomposition: ucd320.decomposition,
  decimal: ucd320.decimal,
  digit: ucd320.digit,
  numeric: (cp) => numericKey(ucd320.numeric(cp)),
  NFC: (cp) => mapped(cp, ucd320.normalize("NFC", one(cp))),
  NFD: (cp) => mapped(cp, ucd320.normalize("NFD", one(cp))),
  NFKC: (cp) => mapped(cp, ucd320.normalize("NFKC", one(cp))),
  NFKD: (cp) => mapped(cp, ucd320.normalize("NFKD", one(cp))),
};

describe("ucd_3_2_0 on every code point vs CPython 3.12.7 (Pyodide)", () => {
  let dump: Dump;
  beforeAll(async () => {
    dump = JSON.parse(await runPyodide(readFileSync(join(__dirname, "oracleDump32.py"), "utf8"))) as Dump;
  });

  it("is version 3.2.0", () => {
    expect(dump.version).toBe(ucd320.version);
  });

  for (const prop of Object.keys(OURS)) {
    it(prop, () => {
      expect(mismatches(dump, prop, OURS[prop])).toEqual([]);
    });
  }
});
