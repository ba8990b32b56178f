// Entry point of the runtime bundle (out/runtime.js): the SEA main script of every executable pypack builds.
// It finds the archive (a SEA asset, or a file beside the executable for --onedir), refuses it if its SHA-256 differs from
// the one recorded at build time, and runs it on the VM: the archive's modules become the VM's frozen modules (code
// objects deserialised on first import), __main__ runs from the archive, and sys gets frozen/_MEIPASS/executable/argv.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CodeObject } from "../compiler/code";
import { deserializeCode } from "../compiler/marshal";
import { ArchiveFormatError, BUNDLE_DIR, FrozenArchive, mountArchive, type BundleHeader, type FrozenModule, type FrozenRunOptions } from "./archive";
import { initRuntime, runMain, type RunOptions } from "./entry";
import { sysModule } from "./modules/sys";

/** Exit status when the bundle is missing, altered or unreadable (EX_DATAERR from sysexits.h). */
const EXIT_BAD_BUNDLE = 65;
/** Exit status for an internal error of the runtime itself (EX_SOFTWARE). */
const EXIT_INTERNAL = 70;

type SeaModule = {
  isSea(): boolean;
  getAsset(key: string, encoding?: string): string | ArrayBuffer;
  getRawAsset(key: string): ArrayBuffer;
};

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function loadSea(): SeaModule {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("node:sea") as SeaModule;
  } catch {
    return fail("pypack: this Node has no node:sea module; the runtime must run as a single executable application", EXIT_BAD_BUNDLE);
  }
}

/** Reads the header and archive bytes for this executable and checks the archive's hash. */
function locateArchive(exe: string): { header: BundleHeader; bytes: Uint8Array } {
  const sea = loadSea();
  if (!sea.isSea()) fail("pypack: the runtime must run as a single executable application", EXIT_BAD_BUNDLE);
  let header = JSON.parse(sea.getAsset("pypack/header.json", "utf8") as string) as BundleHeader;
  let bytes: Uint8Array;
  if (header.mode === "onedir") {
    const base = dirname(exe);
    try {
      header = JSON.parse(readFileSync(join(base, header.headerFile ?? "")).toString("utf8")) as BundleHeader;
      bytes = readFileSync(join(base, header.archiveFile ?? ""));
    } catch (err) {
      return fail(`pypack: cannot read the bundle beside ${exe}: ${(err as Error).message}`, EXIT_BAD_BUNDLE);
    }
  } else {
    // getRawAsset returns the asset in place (no copy); hashing it is the only full pass over the archive.
    bytes = new Uint8Array(sea.getRawAsset("pypack/archive.zip"));
  }
  if (!header.archiveSha256 || sha256Hex(bytes) !== header.archiveSha256) {
    fail(`pypack: the archive inside ${exe} has been altered or is damaged (SHA-256 mismatch); rebuild the executable`, EXIT_BAD_BUNDLE);
  }
  return { header, bytes };
}

type FrozenEntry = NonNullable<RunOptions["frozen"]> extends Map<string, infer V> ? V : never;

/** A frozen-module record whose code object is read and deserialised only when the module is first imported. */
function lazyEntry(archive: FrozenArchive, mod: FrozenModule, meipass: string): FrozenEntry {
  let code: CodeObject | undefined;
  let source: string | undefined;
  return {
    // __file__ and a package's __path__ point below sys._MEIPASS, where data files are served from the archive too.
    filename: join(meipass, mod.filename),
    isPackage: mod.package,
    get code(): CodeObject {
      if (code === undefined) {
        const bytes = archive.read(mod.code);
        if (bytes === null) throw new Error(`the archive has no ${mod.code}`);
        code = deserializeCode(bytes);
      }
      return code;
    },
    get source(): string | undefined {
      if (source === undefined && mod.source !== null) {
        const bytes = archive.read(mod.source);
        source = bytes === null ? undefined : Buffer.from(bytes).toString("utf8");
      }
      return source;
    },
  };
}

async function runFrozen(opts: FrozenRunOptions): Promise<number> {
  const m = opts.archive.manifest;
  const frozen = new Map<string, FrozenEntry>();
  for (const [name, mod] of Object.entries(m.modules)) frozen.set(name, lazyEntry(opts.archive, mod, opts.meipass));
  frozen.set("__main__", lazyEntry(opts.archive, m.entry, opts.meipass));
  const runOpts: RunOptions = {
    argv: opts.argv,
    main: { kind: "frozen", name: "__main__" },
    optimize: m.options.optimize,
    frozen,
    // Everything the program imports is in the archive: no stdlib zip or file system path is searched.
    stdlibZip: null,
    isolated: true,
    executable: opts.executable,
  };
  mountArchive(opts.meipass, opts.archive);
  initRuntime(runOpts);
  const sys = sysModule().dict;
  sys.setStr("frozen", true);
  sys.setStr("_MEIPASS", opts.meipass);
  return runMain(runOpts);
}

async function main(): Promise<void> {
  const exe = process.execPath;
  const { bytes } = locateArchive(exe);
  let archive: FrozenArchive;
  try {
    archive = new FrozenArchive(bytes);
  } catch (err) {
    const why = err instanceof ArchiveFormatError ? err.message : String(err);
    return fail(`pypack: the archive inside ${exe} is unreadable: ${why}`, EXIT_BAD_BUNDLE);
  }
  // In a SEA, argv[1] repeats the executable; what the user typed is argv0 followed by argv[2...].
  const argv = [process.argv0, ...process.argv.slice(2)];
  const code = await runFrozen({ archive, argv, executable: exe, meipass: join(dirname(exe), BUNDLE_DIR) });
  process.exitCode = code;
}

function start(): void {
  main().catch((err: unknown) => {
    fail(`pypack: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, EXIT_INTERNAL);
  });
}

// Built with a V8 startup snapshot (--startup-snapshot), everything above has already run when the snapshot was taken:
// the executable resumes from the initialised heap and only calls start().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snapshot = (require("node:v8") as { startupSnapshot?: { isBuildingSnapshot(): boolean; setDeserializeMainFunction(fn: () => void): void } }).startupSnapshot;
if (snapshot?.isBuildingSnapshot()) snapshot.setDeserializeMainFunction(start);
else start();
