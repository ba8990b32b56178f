// Start-up benchmark, side by side in one run:
//   1. the hello executable vs a bare Node single-executable application of the same Node version printing one line
//      (target: at most 1.3x);
//   2. the executable of examples/imports.py (json, re, argparse, dataclasses, enum, collections, pathlib, logging)
//      vs `python3 examples/imports.py` (target: no slower).
//
// Run: npx tsx bench/startup.ts [--runs N]   (after `npm run build`; builds the executables it needs first)
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { makeSeaBlob } from "../src/packager/sea";
import { injectExecutable } from "../src/packager/inject";
import { silentLogger } from "../src/packager/log";
import { DEFAULT_NODE_VERSION, obtainStub } from "../src/packager/stubs";
import { hostTarget } from "../src/packager/targets";

const ROOT = resolve(__dirname, "..");
const CLI = join(ROOT, "out", "cli.js");

function runsArg(): number {
  const i = process.argv.indexOf("--runs");
  return i >= 0 ? Math.max(1, Number(process.argv[i + 1])) : 20;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time in ms of running the command; the first run (page cache warm-up) is not counted. */
function timeCommand(cmd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${String(r.stderr).trim().split("\n").pop()}`);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

function buildExample(script: string, dir: string): string {
  const r = spawnSync(process.execPath, [CLI, "--onefile", script, "--distpath", join(dir, "dist"), "--workpath", join(dir, "build")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pypack ${script} failed: ${r.stderr.trim()}`);
  return join(dir, "dist", script.replace(/^.*\//, "").replace(/\.py$/, ""));
}

async function bareSea(dir: string): Promise<string> {
  const host = hostTarget();
  if (!host) throw new Error("unsupported host");
  const stub = await obtainStub(host, DEFAULT_NODE_VERSION, { log: silentLogger });
  const blob = makeSeaBlob({ node: stub.path, workDir: join(dir, "bare"), mainScript: Buffer.from('console.log("hello")\n'), assets: {} });
  const out = join(dir, "bare-sea");
  await injectExecutable({ target: host, stubPath: stub.path, blob, outPath: out, identifier: "bare" });
  return out;
}

async function main(): Promise<void> {
  const runs = runsArg();
  const dir = mkdtempSync(join(tmpdir(), "pypack-bench-startup-"));
  const bare = await bareSea(dir);
  const hello = buildExample(join(ROOT, "examples", "hello.py"), dir);
  const bareMs = timeCommand(bare, [], runs);
  const helloMs = timeCommand(hello, [], runs);
  console.log(`bare Node ${DEFAULT_NODE_VERSION} SEA: ${bareMs.toFixed(1)} ms   hello executable: ${helloMs.toFixed(1)} ms   ratio ${(helloMs / bareMs).toFixed(2)}x (target <= 1.3x)`);
  const imports = buildExample(join(ROOT, "examples", "imports.py"), dir);
  const exeMs = timeCommand(imports, [], runs);
  const pyMs = timeCommand("python3", [join(ROOT, "examples", "imports.py")], runs);
  console.log(`imports.py: executable ${exeMs.toFixed(1)} ms   python3 ${pyMs.toFixed(1)} ms   ratio ${(exeMs / pyMs).toFixed(2)}x (target <= 1.0x)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
