// Generates test/runtime/sre/golden.json.gz: CPython 3.12.7's (Pyodide) compiled _sre code for many patterns, and the results of
// match / fullmatch / search (with pos/endpos) and finditer on several subjects. Run: node test/runtime/sre/gen_golden.mjs
import { loadPyodide } from "pyodide";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "golden.json.gz");

const PY = readFileSync(path.join(here, "cases.py"), "utf8") + "\n" + readFileSync(path.join(here, "gen_golden.py"), "utf8");

const py = await loadPyodide();
let json;
try {
  json = py.runPython(PY);
} catch (e) {
  console.error(String(e.message).slice(-3000));
  process.exit(1);
}
writeFileSync(out, gzipSync(json, { level: 9 }));
console.log(`wrote ${out} (${(json.length / 1024).toFixed(0)} KiB, ${JSON.parse(json).cases.length} patterns)`);
