// _heapq and _bisect: heap layouts (incl. ties via custom __lt__), max-heap helpers, key= and errors vs CPython.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

describe("_heapq/_bisect", () => {
  it("match CPython", () => {
    const code = readFileSync("test/runtime/modules/progs/heapq_bisect_prog.py", "utf8");
    const ours = runPypack(code);
    const theirs = runCPython(code);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
