// array: typecodes, list-like methods, slices, bytes round trips, comparisons and errors vs CPython 3.12 (Pyodide).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPypack } from "./compare";
import { runCPython312 } from "./py312";

describe("array", () => {
  it("matches CPython 3.12", () => {
    const code = readFileSync("test/runtime/modules/progs/array_prog.py", "utf8");
    const ours = runPypack(code);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(runCPython312(code));
  }, 180_000);
});
