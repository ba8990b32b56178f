// Scoping and placement SyntaxErrors: every program of the golden table (generated with CPython 3.12) gives CPython's class, message and line.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { compileSource } from "../../src/compiler/compile";
import { PySyntaxError } from "../../src/compiler/errors";

interface Outcome {
  cls: string;
  msg: string;
  lineno: number;
  offset: number | null;
}
const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "golden-scope", "golden.json"), "utf-8")) as {
  cases: { src: string; py312: Outcome | null }[];
};

function ours(src: string): Outcome | null {
  try {
    compileSource(src, "<golden>", "exec");
    return null;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { cls: e.kind, msg: e.msg, lineno: e.lineno, offset: e.offset };
  }
}

describe("golden scope table", () => {
  it("has at least 60 programs", () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of golden.cases) {
    it(JSON.stringify(c.src), () => {
      const got = ours(c.src);
      if (c.py312 === null) {
        expect(got).toBeNull();
        return;
      }
      expect(got).not.toBeNull();
      expect({ cls: got?.cls, msg: got?.msg, lineno: got?.lineno }).toEqual({ cls: c.py312.cls, msg: c.py312.msg, lineno: c.py312.lineno });
    });
  }
});
