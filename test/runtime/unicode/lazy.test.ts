// Start-up cost: importing the Unicode API decodes nothing, Latin-1 predicates need no tables, parts decode on demand.
import { describe, expect, it } from "vitest";
import * as U from "../../../src/runtime/unicode/index";
import { decodedTableParts } from "../../../src/runtime/unicode/tables";

describe("lazy table decoding", () => {
  it("decodes each part only when first needed", () => {
    expect(decodedTableParts()).toEqual([]);
    // Latin-1 flags come from a plain array, and ASCII case mapping needs no table.
    expect(U.strIsAlpha("Grüße")).toBe(true);
    expect(U.strIsSpace(" \t\u00a0")).toBe(true);
    expect(U.strLower("ABC")).toBe("abc");
    expect(decodedTableParts()).toEqual([]);
    expect(U.category(0x4e00)).toBe("Lo");
    expect(decodedTableParts()).toEqual(["core"]);
    expect(U.strUpper("straße")).toBe("STRASSE");
    expect(decodedTableParts()).toEqual(["core", "casing"]);
    expect(U.normalize("NFD", "\u00c5")).toBe("A\u030a");
    expect(decodedTableParts()).toEqual(["core", "casing", "normalization"]);
  });

  it("treats code points outside 0..0x10FFFF as unassigned", () => {
    expect(U.category(0x110000)).toBe("Cn");
    expect(U.isAlpha(0x110000)).toBe(false);
    expect(U.toLowerFull(0x110000)).toEqual([0x110000]);
  });
});
