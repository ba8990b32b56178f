// Shared helpers for the packager suites: temp dirs, running the CLI, and running foreign-target executables here.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..", "..");

/**
 * A private copy of the built CLI and runtime for this test file: in a working tree shared with others, out/ may be
 * rebuilt mid-suite, which would (rightly) change executables and invalidate compile caches between two builds.
 * It lives below node_modules so the CLI's external packages (postject, archiver, pyodide) still resolve.
 */
function snapshotCli(): string {
  const dir = join(ROOT, "node_modules", ".cache", "pypack-test-cli");
  mkdirSync(dir, { recursive: true });
  const own = mkdtempSync(join(dir, "cli-"));
  for (const f of ["cli.js", "runtime.js"]) copyFileSync(join(ROOT, "out", f), join(own, f));
  return join(own, "cli.js");
}

export const CLI = snapshotCli();

export function tempDir(prefix = "pypack-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a tree of files: keys are relative paths. */
export function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

export function pypack(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, encoding: "utf8", timeout: 600_000 });
}

export const QEMU = ["/usr/bin/qemu-aarch64-static", "/usr/bin/qemu-aarch64"].find((p) => existsSync(p)) ?? null;
export const WINE = ["/usr/lib/wine/wine64", "/usr/bin/wine64"].find((p) => existsSync(p)) ?? null;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runNative(exe: string, args: string[], env: NodeJS.ProcessEnv = process.env): RunResult {
  const r = spawnSync(exe, args, { encoding: "utf8", env, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runArm64(exe: string, args: string[]): RunResult {
  if (!QEMU) throw new Error("qemu-aarch64-static is not installed");
  const r = spawnSync(QEMU, ["-L", "/usr/aarch64-linux-gnu", exe, ...args], { encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let winePrefix: string | null = null;

/** Runs a Windows executable under wine64 with stdout/stderr redirected to files (wine's console handling needs it). */
export function runWine(exe: string, args: string[]): RunResult {
  if (!WINE) throw new Error("wine64 is not installed");
  const env = { ...process.env, WINEDEBUG: "-all", WINEPREFIX: winePrefix ?? "" };
  if (!winePrefix) {
    winePrefix = tempDir("pypack-wine-");
    env.WINEPREFIX = winePrefix;
    // A fresh prefix claims an old Windows that Node 22 refuses; report Windows 10 once.
    spawnSync(WINE, ["winecfg", "/v", "win10"], { env, stdio: "ignore", timeout: 300_000 });
  }
  const dir = tempDir("pypack-wine-out-");
  const out = join(dir, "out.txt");
  const err = join(dir, "err.txt");
  const quoted = [exe, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync("/bin/sh", ["-c", `'${WINE}' ${quoted} > '${out}' 2> '${err}'`], { env, timeout: 300_000 });
  return { status: r.status, stdout: readFileSync(out, "utf8"), stderr: readFileSync(err, "utf8") };
}
