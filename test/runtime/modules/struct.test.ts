// _struct: pack/unpack/Struct/errors compared with CPython 3.12 (Pyodide) and, for native x86-64 sizes, python3.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";
import { runCPython312 } from "./py312";

describe("_struct", () => {
  it("matches CPython 3.12", () => {
    const code = readFileSync("test/runtime/modules/progs/struct_prog.py", "utf8");
    const ours = runPypack(code);
    expect(ours.stderr).toBe("");
    const lines = ours.stdout.trimEnd().split("\n");
    const nativeLine = lines.pop();
    // Everything but the last line uses standard sizes or errors (Pyodide's 3.12 messages).
    const theirs = runCPython312(code).trimEnd().split("\n");
    theirs.pop();
    expect(lines).toEqual(theirs);
    // The last line prints native (x86-64) sizes: the local CPython's.
    expect(nativeLine).toBe(runCPython(code).stdout.trimEnd().split("\n").pop());
  }, 180_000);
});
