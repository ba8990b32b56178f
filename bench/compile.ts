// Compiler benchmark: compiles every .py file of the pinned stdlib from source text to serialised bytecode and prints MB/s for
// pypack (parse + symtable + codegen + assemble + serializeCode) next to python3's compile() + marshal.dumps in the same run.
//
// Run: npx tsx bench/compile.ts [--iterations N]
// The measured code is what ships: this file bundles itself with esbuild (as out/cli.js is built) and re-runs under node.
// Both sides start from decoded text (str); reading and decoding happen before the clock starts. MB are the UTF-8 bytes of
// the sources (10^6 bytes). Files python3 (3.11) cannot compile (3.12-only syntax) are left out on both sides.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { compileSource } from "../src/compiler/compile";
import { serializeCode } from "../src/compiler/marshal";
import { decodeSource } from "../src/compiler/sourceDecoding";

const STDLIB_ZIP = process.env.PYPACK_STDLIB_ZIP ?? resolve(__dirname, "../node_modules/pyodide/python_stdlib.zip");

/** Bundles this file like the shipped CLI and runs the bundle; returns false when already running bundled. */
function runBundled(): boolean {
  if (process.env.PYPACK_STDLIB_ZIP !== undefined) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const out = join(mkdtempSync(join(tmpdir(), "pypack-bench-")), "compile.js");
  esbuild.buildSync({ entryPoints: [__filename], bundle: true, platform: "node", target: "node20", outfile: out, logLevel: "error" });
  const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, PYPACK_STDLIB_ZIP: STDLIB_ZIP } });
  process.exitCode = r.status ?? 1;
  return true;
}

function iterationsArg(): number {
  const i = process.argv.indexOf("--iterations");
  return i >= 0 ? Math.max(1, Number(process.argv[i + 1])) : 3;
}

function loadSources(): { names: string[]; texts: string[] } {
  const entries = unzipSync(readFileSync(STDLIB_ZIP), { filter: (f) => f.name.endsWith(".py") });
  const names = Object.keys(entries).sort();
  return { names, texts: names.map((n) => decodeSource(entries[n], n)) };
}

/** Seconds per full pass, for each iteration (the first one warms the JIT up and is dropped). */
function timeOurs(names: string[], texts: string[], iterations: number): { times: number[]; outBytes: number } {
  const times: number[] = [];
  let outBytes = 0;
  for (let it = 0; it <= iterations; it++) {
    outBytes = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) outBytes += serializeCode(compileSource(texts[i], names[i], "exec")).length;
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (it > 0) times.push(dt);
  }
  return { times, outBytes };
}

const PYTHON_SIDE = `
import io, json, marshal, sys, time, tokenize, zipfile, warnings
warnings.simplefilter("ignore")
z = zipfile.ZipFile(sys.argv[1])
names = sorted(n for n in z.namelist() if n.endswith(".py"))
texts = []
skipped = []
for n in list(names):
    data = z.read(n)
    enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(enc)
    try:
        compile(text, n, "exec", dont_inherit=True)
    except SyntaxError:
        skipped.append(n)
        names.remove(n)
        continue
    texts.append(text)
times = []
out = 0
for it in range(int(sys.argv[2]) + 1):
    out = 0
    t0 = time.perf_counter()
    for n, t in zip(names, texts):
        out += len(marshal.dumps(compile(t, n, "exec", dont_inherit=True)))
    dt = time.perf_counter() - t0
    if it > 0:
        times.append(dt)
print(json.dumps({"version": sys.version.split()[0], "names": names, "skipped": skipped, "times": times, "out": out}))
`;

interface PythonTiming {
  version: string;
  names: string[];
  skipped: string[];
  times: number[];
  out: number;
}

function timePython(iterations: number): PythonTiming {
  const r = spawnSync("python3", ["-c", PYTHON_SIDE, STDLIB_ZIP, String(iterations)], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`python3 side failed: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as PythonTiming;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  if (runBundled()) return;
  const iterations = iterationsArg();
  const all = loadSources();
  const py = timePython(iterations);
  const keep = new Set(py.names);
  const names = all.names.filter((n) => keep.has(n));
  const texts = all.texts.filter((_t, i) => keep.has(all.names[i]));
  const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t, "utf8"), 0) / 1e6;
  const ours = timeOurs(names, texts, iterations);
  const row = (label: string, times: number[], out: number): string =>
    `${label.padEnd(36)} ${(mb / median(times)).toFixed(2).padStart(7)} MB/s (median of ${times.length}; best ${(mb / Math.min(...times)).toFixed(2)} MB/s, ` +
    `${median(times).toFixed(3)} s/pass, ${(out / 1e6).toFixed(1)} MB of bytecode)`;
  console.log(
    `compile benchmark ${new Date().toISOString().slice(0, 10)}: ${names.length} of the ${all.names.length} files of the pinned stdlib, ` +
      `${mb.toFixed(2)} MB (left out, 3.12-only syntax python3 ${py.version} cannot compile: ${py.skipped.join(", ") || "none"})`,
  );
  console.log(row(`pypack compile+serialize (node ${process.versions.node})`, ours.times, ours.outBytes));
  console.log(row(`python3 ${py.version} compile+marshal`, py.times, py.out));
  console.log(`pypack / CPython speed: ${(median(py.times) / median(ours.times)).toFixed(2)}x`);
}

main();
