// Parser benchmark: parses every .py file of the pinned stdlib and prints MB/s for pypack's parser next to python3's ast.parse in the same run.
//
// Run: npx tsx bench/parse.ts [--iterations N]
// Both sides parse already-decoded text (str), build the full AST, and time only the parsing: file reading and
// decoding happen before the clock starts. MB are the UTF-8 bytes of the sources (10^6 bytes). N rounds (default 5)
// alternate one pypack pass and one python3 pass (each python3 child does an untimed warm-up pass first).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { unzipSync } from "fflate";
import { parse } from "../src/compiler/parser";
import { decodeSource } from "../src/compiler/sourceDecoding";

const STDLIB_ZIP = resolve(__dirname, "../node_modules/pyodide/python_stdlib.zip");

function iterationsArg(): number {
  const i = process.argv.indexOf("--iterations");
  return i >= 0 ? Math.max(1, Number(process.argv[i + 1])) : 5;
}

function loadSources(): { names: string[]; texts: string[] } {
  const entries = unzipSync(readFileSync(STDLIB_ZIP), { filter: (f) => f.name.endsWith(".py") });
  const names = Object.keys(entries).sort();
  return { names, texts: names.map((n) => decodeSource(entries[n], n)) };
}

/** Seconds per full pass over the files, for each of `passes` passes. */
function timeOurs(names: string[], texts: string[], passes: number): number[] {
  const times: number[] = [];
  for (let it = 0; it < passes; it++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) parse(texts[i], names[i], "exec");
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return times;
}

const PYTHON_SIDE = `
import ast, io, json, sys, time, tokenize, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = sorted(n for n in z.namelist() if n.endswith(".py"))
texts = []
skipped = []
for n in list(names):
    data = z.read(n)
    enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(enc)
    try:
        ast.parse(text, n)
    except SyntaxError:
        # 3.12-only syntax: python3 (3.11) cannot parse it; both sides leave it out.
        skipped.append(n)
        names.remove(n)
        continue
    texts.append(text)
times = []
for it in range(int(sys.argv[2]) + 1):
    t0 = time.perf_counter()
    for n, t in zip(names, texts):
        ast.parse(t, n)
    dt = time.perf_counter() - t0
    if it > 0:
        times.append(dt)
print(json.dumps({"version": sys.version.split()[0], "names": names, "skipped": skipped, "times": times}))
`;

interface PythonTiming {
  version: string;
  names: string[];
  skipped: string[];
  times: number[];
}

function timePython(iterations: number): PythonTiming {
  const r = spawnSync("python3", ["-c", PYTHON_SIDE, STDLIB_ZIP, String(iterations)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python3 side failed: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as PythonTiming;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const iterations = iterationsArg();
  const all = loadSources();
  // Rounds alternate the two sides, so that a machine whose load changes during the run affects both alike.
  const first = timePython(1);
  // Same files on both sides: those python3 can parse.
  const keep = new Set(first.names);
  const names = all.names.filter((n) => keep.has(n));
  const texts = all.texts.filter((_t, i) => keep.has(all.names[i]));
  const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t, "utf8"), 0) / 1e6;
  timeOurs(names, texts, 1); // JIT warm-up
  const ours: number[] = [];
  const py: number[] = [...first.times];
  for (let round = 0; round < iterations; round++) {
    ours.push(...timeOurs(names, texts, 1));
    if (round > 0) py.push(...timePython(1).times);
  }
  const row = (label: string, times: number[]): string =>
    `${label.padEnd(28)} ${(mb / median(times)).toFixed(2).padStart(7)} MB/s (median of ${times.length}; best ${(mb / Math.min(...times)).toFixed(2)} MB/s, ${median(times).toFixed(3)} s/pass)`;
  console.log(
    `parse benchmark ${new Date().toISOString().slice(0, 10)}: ${names.length} of the ${all.names.length} files of the pinned stdlib, ` +
      `${mb.toFixed(2)} MB (left out, 3.12-only syntax python3 ${first.version} cannot parse: ${first.skipped.join(", ") || "none"})`,
  );
  console.log(row(`pypack parse (node ${process.versions.node})`, ours));
  console.log(row(`python3 ${first.version} ast.parse`, py));
  console.log(`pypack / CPython speed: ${(median(py) / median(ours)).toFixed(2)}x; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
}

main();
