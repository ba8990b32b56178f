// On-demand engine benchmark (not a test): `npx tsx test/runtime/sre/bench_engine.ts`; prints ms per workload, and python3's time for the same.
import { execFileSync } from "node:child_process";
import { loadPyodide } from "pyodide";
import { SreState, textFromString } from "../../../src/runtime/modules/_sre/engine";

const WORKLOADS: Array<[string, number]> = [
  ["\\w+", 0],
  ["\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|[{}\\[\\]:,]|true|false|null|\\s+", 0],
  ["needle", 0],
  ["(?:foo|bar)baz", 0],
  ["[aeiou]{2,}", 2],
  ["(\\w+)@(\\w+)\\.com", 0],
  ["^\\s*(\\w+)\\s*=\\s*(.*?)\\s*$", 8],
  ["(.*?)([\"\\\\\\x00-\\x1f])", 88],
  ["user(\\d+)", 0],
  ["\"(\\w+)@example\\.com\"", 0],
];

const TEXT_PY = `('{"name": "value \\\\"q\\\\"", "n": -12.5e3, "list": [1, 2, true, false, null], "x": "foo bar baz"}\\n' * 8000) + 'needle foobaz a@b.com key = value\\n'`;

async function main(): Promise<void> {
  const py = await loadPyodide();
  const text: string = py.runPython(TEXT_PY);
  const subject = textFromString(text);
  for (const [pat, flags] of WORKLOADS) {
    const info = py.runPython(`
import re.{_parser as p, _compiler as c}
` .replace("re.{_parser as p, _compiler as c}", "re._parser as p, re._compiler as c") + `
_pp = p.parse(${JSON.stringify(pat)}, ${flags})
[list(map(int, c._code(_pp, ${flags}))), _pp.state.groups - 1]`).toJs() as [number[], number];
    const st = new SreState(Uint32Array.from(info[0]), info[1]);
    let n = 0;
    const t0 = performance.now();
    for (let rep = 0; rep < 5; rep++) {
      st.reset(subject);
      n = 0;
      while (st.searchNext()) n++;
    }
    const ms = (performance.now() - t0) / 5;
    const pyMs = execFileSync("python3", ["-c", `
import re, time
text = ${TEXT_PY}
rx = re.compile(${JSON.stringify(pat)}, ${flags})
t = time.perf_counter()
for _ in range(5):
    n = sum(1 for _ in rx.finditer(text))
print((time.perf_counter() - t) / 5 * 1000, n)`]).toString().trim();
    console.log(`${pat.padEnd(40).slice(0, 40)} ts ${ms.toFixed(1)} ms (${n} matches)   python3 ${pyMs}`);
  }
}

void main();
