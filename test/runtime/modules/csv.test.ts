// _csv: reader state machine, writer quoting/escaping, dialects and errors compared with CPython 3.12 (Pyodide).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPypack } from "./compare";
import { runCPython312 } from "./py312";

describe("_csv", () => {
  it("matches CPython 3.12", () => {
    const code = readFileSync("test/runtime/modules/progs/csv_prog.py", "utf8");
    const ours = runPypack(code);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(runCPython312(code));
  }, 180_000);
});
