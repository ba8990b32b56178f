// Runs a Python snippet under Pyodide 0.27.7 (CPython 3.12.7 in wasm, from node_modules): the oracle for 3.12-only
// behaviour (the local python3 is 3.11). Note: wasm32 has 4-byte C longs/pointers, unlike x86-64 CPython.
import { spawnSync } from "node:child_process";

const RUNNER = `
const { loadPyodide } = require("pyodide");
(async () => {
  const code = require("fs").readFileSync(0, "utf8");
  const py = await loadPyodide();
  let out = "";
  py.setStdout({ write: (b) => { out += Buffer.from(b).toString("utf8"); return b.length; } });
  try { py.runPython(code); } catch (e) { out += "EXCEPTION " + String(e.message).trim().split("\\n").pop() + "\\n"; }
  process.stdout.write(out);
})();
`;

/** stdout of the code under CPython 3.12 (an uncaught exception's last line is appended as "EXCEPTION ..."). */
export function runCPython312(code: string): string {
  const r = spawnSync(process.execPath, ["-e", RUNNER], { input: code, encoding: "utf8", timeout: 120_000, cwd: process.cwd() });
  return r.stdout;
}
