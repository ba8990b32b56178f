// `pypack build`: module graph -> compile (cached) -> archive -> stubs -> SEA blob -> inject -> dist/, in that order,
// writing nothing into dist/ until every target's executable is complete.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { PySyntaxError, formatSyntaxError } from "../compiler/errors";
import { BUNDLE_DIR, type BundleHeader, type FrozenModule } from "../runtime/archive";
import { PYPACK_VERSION } from "../cli/version";
import { sha256Hex, writeArchive, type ArchiveFile } from "./bundle-archive";
import { addDataFiles, metadataFiles, packageDataFiles } from "./datafiles";
import { PypackError, oneLine } from "./errors";
import { loadFrontend, type Frontend } from "./frontend";
import { buildGraph, openStdlibZip, type GraphModule, type GraphResult, type Root } from "./graph";
import { findImports, type ImportRef } from "./imports";
import { injectExecutable } from "./inject";
import { makeLogger, type Logger } from "./log";
import type { BuildSettings } from "./options";
import { ASSET_ARCHIVE, ASSET_HEADER, makeSeaBlob } from "./sea";
import { localStub, obtainStub, type Stub } from "./stubs";
import { executableName, hostTarget, type Target } from "./targets";

/**
 * Stdlib packages the VM imports by itself, which no import statement names: codec lookup imports `encodings.<name>`
 * on demand (PyInstaller bundles the whole package for the same reason).
 */
const RUNTIME_PACKAGES = ["encodings"];

export interface BuildResult {
  outputs: Array<{ target: Target; path: string }>;
  archiveSha256: string;
  stats: { modules: number; compiled: number; fromCache: number; injectMs: number; totalMs: number };
}

/** A syntax error in the program: printed exactly as CPython prints it, exit 1. */
export class ScriptSyntaxError extends PypackError {}

/** Where the runtime bundle (out/runtime.js) is: next to the CLI bundle, or built from the sources when run from them. */
export function runtimeBundlePath(): string {
  const candidates = [join(__dirname, "runtime.js"), join(__dirname, "..", "..", "out", "runtime.js")];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new PypackError("the runtime bundle out/runtime.js is missing; run `npm run build`");
  return found;
}

export function stdlibZipPath(): string {
  try {
    return join(dirname(require.resolve("pyodide/package.json")), "python_stdlib.zip");
  } catch {
    throw new PypackError("the pinned CPython stdlib (npm package pyodide, python_stdlib.zip) is not installed");
  }
}

function sitePackagesRoots(settings: BuildSettings): string[] {
  const out: string[] = [];
  const venv = process.env.VIRTUAL_ENV;
  if (venv) {
    const win = join(venv, "Lib", "site-packages");
    if (existsSync(win)) out.push(win);
    const lib = join(venv, "lib");
    if (existsSync(lib)) {
      for (const d of readdirSync(lib).sort()) if (/^python3\.\d+$/.test(d) && existsSync(join(lib, d, "site-packages"))) out.push(join(lib, d, "site-packages"));
    }
  }
  return out.filter((p) => !settings.paths.includes(p));
}

function makeRoots(settings: BuildSettings): Root[] {
  const dirRoot = (path: string): Root => ({ kind: "dir", origin: basename(path) === "site-packages" ? "site" : "user", path });
  return [
    dirRoot(dirname(settings.script)),
    ...settings.paths.map(dirRoot),
    { kind: "zip", origin: "stdlib", path: stdlibZipPath(), zip: openStdlibZip(stdlibZipPath()) },
    ...sitePackagesRoots(settings).map((p): Root => ({ kind: "dir", origin: "site", path: p })),
  ];
}

/** Per-module cache of parse results and compiled code, keyed by content hash (build/cache/). */
class CompileCache {
  compiled = 0;
  fromCache = 0;
  private parsed = new Map<string, ReturnType<Frontend["parse"]>>();

  constructor(
    private readonly dir: string,
    private readonly fe: Frontend,
    private readonly optimize: 0 | 1 | 2,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private key(mod: GraphModule): string {
    return createHash("sha256").update(`${this.fe.id}\0${mod.relPath}\0${this.optimize}\0`).update(mod.source).digest("hex");
  }

  private source(mod: GraphModule): string {
    return this.fe.decode(mod.source, mod.relPath);
  }

  private parse(mod: GraphModule, key: string) {
    let tree = this.parsed.get(key);
    if (!tree) {
      tree = withSyntaxErrors(mod, () => this.fe.parse(this.source(mod), mod.relPath));
      this.parsed.set(key, tree);
    }
    return tree;
  }

  imports(mod: GraphModule): ImportRef[] {
    const key = this.key(mod);
    const file = join(this.dir, `${key}.imports.json`);
    if (existsSync(file)) {
      const raw = JSON.parse(readFileSync(file, "utf8")) as Array<Omit<ImportRef, "kinds"> & { kinds: ImportRef["kinds"] extends Set<infer K> ? K[] : never }>;
      return raw.map((r) => ({ ...r, kinds: new Set(r.kinds) }));
    }
    const refs = findImports(this.parse(mod, key));
    writeFileSync(file, JSON.stringify(refs.map((r) => ({ ...r, kinds: [...r.kinds] }))));
    return refs;
  }

  code(mod: GraphModule): Uint8Array {
    const key = this.key(mod);
    const file = join(this.dir, `${key}.pyc`);
    if (existsSync(file)) {
      this.fromCache++;
      return readFileSync(file);
    }
    const tree = this.parse(mod, key);
    this.parsed.delete(key); // compiling folds constants in place: the tree is not reusable afterwards
    const bytes = withSyntaxErrors(mod, () => this.fe.compile(tree, this.source(mod), mod.relPath, this.optimize));
    writeFileSync(`${file}.${process.pid}.tmp`, bytes);
    renameSync(`${file}.${process.pid}.tmp`, file);
    this.compiled++;
    return bytes;
  }
}

/**
 * Runs a front-end step, turning a PySyntaxError (decoding, parsing, symbol tables) into CPython's printed form and any
 * other failure into a one-line error naming the module.
 */
function withSyntaxErrors<T>(mod: GraphModule, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof PySyntaxError) {
      // CPython names the file as given on its command line; we show where it was found.
      err.filename = mod.location;
      throw new ScriptSyntaxError(formatSyntaxError(err).replace(/\n$/, ""), 1);
    }
    if (err instanceof PypackError) throw err;
    throw new PypackError(`cannot compile ${mod.location}: ${oneLine(err)}`);
  }
}

function archivePathOf(relPath: string): string {
  return relPath.replace(/\.py$/, ".pyc");
}

/** Module graph + compilation + data files -> the archive's files and its module table. */
function collectArchive(settings: BuildSettings, graph: GraphResult, cache: CompileCache, roots: Root[]) {
  const files: ArchiveFile[] = [];
  const modules: Record<string, FrozenModule> = {};
  const addModule = (mod: GraphModule, codePath: string): FrozenModule => {
    files.push({ path: codePath, data: cache.code(mod) });
    let source: string | null = null;
    if (settings.includeSource) {
      source = mod.relPath;
      files.push({ path: source, data: mod.source });
    }
    return { code: codePath, source, filename: mod.relPath, package: mod.package };
  };
  const entry = addModule(graph.entry, "__main__.pyc");
  for (const name of [...graph.modules.keys()].sort()) {
    const mod = graph.modules.get(name)!;
    modules[name] = addModule(mod, archivePathOf(mod.relPath));
  }
  files.push(...addDataFiles(settings.addData));
  for (const pkg of [...settings.collectData, ...settings.collectAll]) {
    const mod = graph.modules.get(pkg);
    if (!mod || !mod.package) throw new PypackError(`--collect-data ${pkg}: no package named '${pkg}' on the search path`);
    files.push(...packageDataFiles(mod.relPath.slice(0, mod.relPath.lastIndexOf("/")), mod.root));
  }
  for (const dist of settings.copyMetadata) files.push(...metadataFiles(dist, roots));
  for (const pkg of settings.collectAll) {
    try {
      files.push(...metadataFiles(pkg, roots));
    } catch {
      // --collect-all copies metadata only when the package has some.
    }
  }
  return { files, modules, entry };
}

function moveInto(src: string, dest: string): void {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dirname(dest), { recursive: true });
  try {
    renameSync(src, dest);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    // workpath and distpath on different file systems: copy next to the destination, then rename there.
    const tmp = `${dest}.pypack-tmp-${process.pid}`;
    if (statSync(src).isDirectory()) throw err;
    copyFileSync(src, tmp);
    renameSync(tmp, dest);
    rmSync(src, { force: true });
  }
}

export async function build(settings: BuildSettings, log: Logger = makeLogger(settings.logLevel)): Promise<BuildResult> {
  const started = performance.now();
  const fe = loadFrontend();
  const workDir = join(settings.workpath, settings.name);
  const cacheDir = join(settings.workpath, "cache", "modules");
  if (settings.clean) {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
  mkdirSync(workDir, { recursive: true });

  // 1-2. Module graph and compilation.
  const roots = makeRoots(settings);
  const cache = new CompileCache(cacheDir, fe, settings.optimize);
  const graph = buildGraph({
    script: settings.script,
    roots,
    hiddenImports: settings.hiddenImports,
    collectSubmodules: [...RUNTIME_PACKAGES, ...settings.collectSubmodules, ...settings.collectAll],
    excludes: settings.excludeModules,
    scan: (m) => cache.imports(m),
  });
  const { formatWarnFile, summarize } = await import("./warnfile");
  const warnPath = join(workDir, `warn-${settings.name}.txt`);
  writeFileSync(warnPath, formatWarnFile(graph));
  const summary = summarize(graph, warnPath);
  for (const line of summary.warn) log.warn(line);
  for (const line of summary.debug) log.debug(line);
  // Stubs before compiling: a download problem should surface before minutes of work, not after.
  const stubs = await obtainStubs(settings, log);
  const { files, modules, entry } = collectArchive(settings, graph, cache, roots);
  log.info(`${graph.modules.size + 1} modules (${cache.compiled} compiled, ${cache.fromCache} from cache), ${files.length} archive entries`);

  // 3. Archive.
  const { bytes: archive } = await writeArchive(files, {
    pypackVersion: PYPACK_VERSION,
    name: settings.name,
    entry,
    options: { optimize: settings.optimize, includeSource: settings.includeSource, windowed: settings.windowed },
    modules,
    missing: [...graph.missing.keys()].sort(),
  });
  const archiveSha256 = sha256Hex(archive);

  const { outputs, injectMs } = await produceExecutables(settings, archive, archiveSha256, workDir, log, stubs);
  const totalMs = performance.now() - started;
  log.info(`built ${outputs.map((o) => o.path).join(", ")} in ${(totalMs / 1000).toFixed(1)} s (injection ${(injectMs / 1000).toFixed(1)} s)`);
  return { outputs, archiveSha256, stats: { modules: graph.modules.size + 1, compiled: cache.compiled, fromCache: cache.fromCache, injectMs, totalMs } };
}

export interface StubSet {
  stubs: Stub[];
  /** A Node of the stubs' version that runs here: it writes the SEA blob. */
  blobNode: string;
  version: string;
}

/** The stub of every target (or the --node-binary one), all of one Node version, plus the Node that makes the blob. */
export async function obtainStubs(settings: BuildSettings, log: Logger): Promise<StubSet> {
  const progress = Boolean(process.stderr.isTTY);
  const stubs: Stub[] = [];
  if (settings.nodeBinary) {
    stubs.push(localStub(settings.nodeBinary, settings.nodeVersion));
  } else {
    for (const t of settings.targets) stubs.push(await obtainStub(t, settings.nodeVersion, { log, progress }));
  }
  const versions = new Set(stubs.map((s) => s.version));
  if (versions.size > 1) throw new PypackError(`the stubs have different Node versions (${[...versions].join(", ")}); one blob cannot serve them all`);
  const version = stubs[0].version;
  // The blob format follows the Node version, so the blob must come from a Node of that version that runs here.
  const host = hostTarget();
  const blobNode = stubs.find((s) => s.target === host)?.path ?? (host ? (await obtainStub(host, version, { log, progress })).path : null);
  if (!blobNode) throw new PypackError(`cannot make SEA blobs on this machine (${process.platform}-${process.arch}): no Node ${version} runs here`);
  return { stubs, blobNode, version };
}

/** Where a --onedir executable built from exactly these inputs is kept (one per target: older ones are replaced). */
function onedirCache(workDir: string, target: Target, stub: Stub, input: { blob: Buffer; identifier: string; windows: { icon?: Uint8Array; windowed: boolean } }): string {
  const st = statSync(stub.path);
  const key = createHash("sha256")
    .update(JSON.stringify([target, stub.version, stub.path, st.size, st.mtimeMs, input.identifier, input.windows.windowed]))
    .update(input.blob)
    .update(input.windows.icon ?? new Uint8Array())
    .digest("hex");
  return join(workDir, "onedir-cache", target, key);
}

/** Blob -> injection for every target; the results are moved into dist/ only when all exist. */
export async function produceExecutables(settings: BuildSettings, archive: Buffer, archiveSha256: string, workDir: string, log: Logger, stubSet?: StubSet) {
  const { stubs, blobNode, version } = stubSet ?? (await obtainStubs(settings, log));
  const targets = stubs.map((s) => s.target);

  const runtime = readFileSync(runtimeBundlePath());
  const multi = targets.length > 1;
  const stage = join(workDir, "stage");
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const staged: Array<{ target: Target; from: string; to: string }> = [];
  let injectMs = 0;
  const blobCache = new Map<string, Buffer>();
  const blobFor = (header: BundleHeader, withArchive: boolean): Buffer => {
    const key = JSON.stringify(header);
    let blob = blobCache.get(key);
    if (!blob) {
      const assets: Record<string, Uint8Array> = { [ASSET_HEADER]: Buffer.from(JSON.stringify(header)) };
      if (withArchive) assets[ASSET_ARCHIVE] = archive;
      blob = makeSeaBlob({ node: blobNode, workDir: join(workDir, "sea"), mainScript: runtime, assets });
      blobCache.set(key, blob);
    }
    return blob;
  };
  const one = async (stub: Stub): Promise<void> => {
    const t = stub.target;
    const exe = executableName(settings.name, t);
    const base: BundleHeader = { format: 1, pypackVersion: PYPACK_VERSION, name: settings.name, target: t, nodeVersion: version, mode: settings.mode };
    const targetDir = multi ? join(settings.distpath, t) : settings.distpath;
    let blob: Buffer;
    let from: string;
    let to: string;
    if (settings.mode === "onefile") {
      blob = blobFor({ ...base, archiveSha256, archiveSize: archive.length }, true);
      from = join(stage, t, exe);
      to = join(targetDir, exe);
    } else {
      const archiveFile = `${BUNDLE_DIR}/pypack-archive.zip`;
      const headerFile = `${BUNDLE_DIR}/pypack-header.json`;
      blob = blobFor({ ...base, archiveFile, headerFile }, false);
      from = join(stage, t, settings.name);
      to = join(targetDir, settings.name);
      mkdirSync(join(from, BUNDLE_DIR), { recursive: true });
      writeFileSync(join(from, archiveFile), archive);
      writeFileSync(join(from, headerFile), JSON.stringify({ ...base, archiveSha256, archiveSize: archive.length, archiveFile, headerFile }));
    }
    const outPath = settings.mode === "onefile" ? from : join(from, exe);
    mkdirSync(dirname(outPath), { recursive: true });
    const icon = settings.icon ? readFileSync(settings.icon) : undefined;
    const input = { target: t, stubPath: stub.path, blob, outPath, identifier: settings.name, windows: { name: settings.name, icon, windowed: settings.windowed } };
    // --onedir executables do not embed the archive, so they only change with the stub, runtime or resources: reuse them.
    const cached = settings.mode === "onedir" ? onedirCache(workDir, t, stub, input) : null;
    if (cached && existsSync(cached)) {
      copyFileSync(cached, outPath);
      log.debug(`${t}: executable unchanged, reused ${cached}`);
    } else {
      const timings = await injectExecutable(input);
      log.debug(`${t}: prepare ${timings.prepareMs.toFixed(0)} ms, postject ${timings.postjectMs.toFixed(0)} ms, finish ${timings.finishMs.toFixed(0)} ms`);
      if (cached) {
        rmSync(dirname(cached), { recursive: true, force: true });
        mkdirSync(dirname(cached), { recursive: true });
        copyFileSync(outPath, cached);
      }
    }
    staged.push({ target: t, from, to });
  };
  // Each injection is one CPU-bound child process: run as many at once as there are cores.
  const queue = [...stubs];
  const workers = Array.from({ length: Math.min(queue.length, availableParallelism()) }, async () => {
    for (let stub = queue.shift(); stub; stub = queue.shift()) await one(stub);
  });
  const poolStart = performance.now();
  await Promise.all(workers);
  injectMs = performance.now() - poolStart;
  staged.sort((a, b) => targets.indexOf(a.target) - targets.indexOf(b.target));
  for (const s of staged) moveInto(s.from, s.to);
  rmSync(stage, { recursive: true, force: true });
  return { outputs: staged.map((s) => ({ target: s.target, path: s.to })), injectMs };
}

export { oneLine };
