// Runs a Python snippet under pypack (out/cli.js run) and under python3, for tests that compare the two outputs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

const dir = mkdtempSync(join(tmpdir(), "pypack-cmp-"));
let counter = 0;

function writeScript(code: string): string {
  const path = join(dir, `snippet${counter++}.py`);
  writeFileSync(path, code);
  return path;
}

/** Runs the code with pypack's VM. */
export function runPypack(code: string, stdin = ""): RunResult {
  const r = spawnSync(process.execPath, ["out/cli.js", "run", writeScript(code)], { encoding: "utf8", input: stdin, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Runs the code with the local CPython (the oracle). */
export function runCPython(code: string, stdin = ""): RunResult {
  const r = spawnSync("python3", [writeScript(code)], { encoding: "utf8", input: stdin, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
