// zlib (one-shot, Compress/Decompress objects with flushes, gzip through _ZlibDecompressor) compared with CPython.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

describe("zlib", () => {
  it("matches CPython", () => {
    const code = readFileSync("test/runtime/modules/progs/zlib_prog.py", "utf8");
    const ours = runPypack(code);
    const theirs = runCPython(code);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
