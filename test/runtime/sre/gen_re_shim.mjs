// Writes re_shim.out: the output of re_shim.py under CPython 3.12.7 (Pyodide). Run: node test/runtime/sre/gen_re_shim.mjs
import { loadPyodide } from "pyodide";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const py = await loadPyodide();
py.globals.set("PROGRAM", readFileSync(path.join(here, "re_shim.py"), "utf8"));
try {
  const output = py.runPython(`
import io, sys
_buf = io.StringIO()
_old = sys.stdout
sys.stdout = _buf
try:
    exec(compile(PROGRAM, "re_shim.py", "exec"), {"__name__": "__main__"})
finally:
    sys.stdout = _old
_buf.getvalue()`);
  writeFileSync(path.join(here, "re_shim.out"), output);
  console.log(`wrote re_shim.out (${output.split("\n").length} lines)`);
} catch (e) {
  console.error(String(e.message).slice(-3000));
  process.exit(1);
}
