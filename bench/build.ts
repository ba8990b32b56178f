// Build benchmark: a warm-cache `pypack --onefile examples/hello.py` for the host target, with how much of it is injection.
//
// Run: npx tsx bench/build.ts [--iterations N]   (after `npm run build`)
// "Warm" means the Node stub is already in the user cache and the module cache in the workpath is filled: the first
// build (not timed) fills both, then each timed build changes hello.py's contents so the archive, blob and executable
// are really rebuilt (only the changed module is recompiled).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const CLI = join(ROOT, "out", "cli.js");

function iterationsArg(): number {
  const i = process.argv.indexOf("--iterations");
  return i >= 0 ? Math.max(1, Number(process.argv[i + 1])) : 3;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function buildOnce(dir: string): { seconds: number; injection: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, "--onefile", "hello.py", "--log-level", "INFO"], { cwd: dir, encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr.trim()}`);
  const m = /injection ([\d.]+) s/.exec(r.stderr);
  return { seconds, injection: m ? Number(m[1]) : NaN };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), "pypack-bench-build-"));
  const hello = readFileSync(join(ROOT, "examples", "hello.py"), "utf8");
  writeFileSync(join(dir, "hello.py"), hello);
  buildOnce(dir); // fills the stub and module caches
  const runs: Array<{ seconds: number; injection: number }> = [];
  for (let i = 0; i < iterationsArg(); i++) {
    writeFileSync(join(dir, "hello.py"), `${hello}# run ${i}\n`);
    runs.push(buildOnce(dir));
  }
  const total = median(runs.map((r) => r.seconds));
  const inject = median(runs.map((r) => r.injection));
  console.log(`warm-cache build of hello (host): median ${total.toFixed(2)} s over ${runs.length} builds; injection ${inject.toFixed(2)} s of it`);
  console.log(`target: under 10 s -> ${total < 10 ? "met" : "NOT met"}`);
}

main();
