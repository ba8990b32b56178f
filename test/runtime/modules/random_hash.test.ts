// _random (Mersenne Twister sequences, state) and _hashlib/_blake2 (hashlib, hmac, pbkdf2, scrypt) compared with CPython.
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

describe("random and hashing", () => {
  it("random matches CPython (seeded sequences, getstate/setstate, errors)", () => sameAsCPython("random_prog.py"));
  it("hashlib/hmac match CPython", () => sameAsCPython("hash_prog.py"));
  it("blake2b/blake2s with all parameters match CPython", () => sameAsCPython("blake_prog.py"));
});
