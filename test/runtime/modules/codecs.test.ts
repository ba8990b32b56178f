// _codecs (through codecs/encodings/str.encode/bytes.decode) and binascii: programs' output compared with CPython's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

function sameAsCPython(prog: string): void {
  const code = readFileSync(`test/runtime/modules/progs/${prog}`, "utf8");
  const ours = runPypack(code);
  const theirs = runCPython(code);
  expect(ours.stderr).toBe(theirs.stderr);
  expect(ours.stdout).toBe(theirs.stdout);
}

describe("codecs", () => {
  it("codecs, error handlers, incremental decoders match CPython", () => sameAsCPython("codecs_prog.py"));
  it("binascii and base64 match CPython", () => sameAsCPython("binascii_prog.py"));
});
