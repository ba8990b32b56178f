// CPython 3.12's compensated float sum() against golden values produced by CPython 3.12.7 (Pyodide), since 3.11
// (the local python3) still sums naively.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompensatedSum, floatRepr, parseFloatLiteral } from "../../../src/runtime/numeric";

type Item = string | { i: number };

describe("CompensatedSum (3.12 sum())", () => {
  const cases = JSON.parse(readFileSync(join(__dirname, "golden", "sum312.json"), "utf8")) as [Item[], string, string][];
  it(`matches CPython 3.12 on ${cases.length} sums`, () => {
    const bad: string[] = [];
    for (const [items, start, want] of cases) {
      const acc = new CompensatedSum(parseFloatLiteral(start) as number);
      for (const it of items) {
        if (typeof it === "string") acc.addFloat(parseFloatLiteral(it) as number);
        else acc.addInt(it.i);
      }
      const got = floatRepr(acc.result());
      if (got !== want) bad.push(`${JSON.stringify(items)}: want ${want} got ${got}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
  it("sums ten 0.1s to exactly 1.0", () => {
    const acc = new CompensatedSum(0);
    for (let i = 0; i < 10; i++) acc.addFloat(0.1);
    expect(acc.result()).toBe(1.0);
  });
});
