// Test helpers that ask the oracles: CPython 3.11 (`python3`, a child process) and CPython 3.12.7 (Pyodide, in-process).
import { spawnSync } from "node:child_process";

/** The PyodideInterface type without importing pyodide at module load (it is large and only some suites need it). */
export interface Pyodide {
  runPython(code: string): unknown;
  globals: { set(name: string, value: unknown): void };
}

let pyodidePromise: Promise<Pyodide> | null = null;

/** Loads Pyodide (CPython 3.12.7 in wasm) once per test process; its stdout/stderr are silenced. */
export function loadPyodideOnce(): Promise<Pyodide> {
  if (pyodidePromise === null) {
    pyodidePromise = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { loadPyodide } = require("pyodide") as typeof import("pyodide");
      const py = await loadPyodide({ stdout: () => undefined, stderr: () => undefined });
      return py as unknown as Pyodide;
    })();
  }
  return pyodidePromise;
}

/** Runs `code` in Pyodide with `input` bound to the global INPUT (a JSON string) and returns its final expression as a string. */
export async function runPyodide(code: string, input: unknown = null): Promise<string> {
  const py = await loadPyodideOnce();
  py.globals.set("INPUT", JSON.stringify(input));
  const result = py.runPython(code);
  if (typeof result !== "string") throw new Error(`Pyodide snippet returned ${typeof result}, expected a str`);
  return result;
}

/** Runs a python3 script with `input` as JSON on stdin; returns stdout. Throws with stderr when it fails. */
export function runPython3(script: string, input: unknown = null, maxBuffer = 1 << 30): string {
  const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(input), maxBuffer, encoding: "utf8" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`python3 failed (status ${r.status}):\n${r.stderr}`);
  return r.stdout;
}
