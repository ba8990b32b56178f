// Entry point of the runtime bundle (out/runtime.js): the SEA main script of every executable pypack builds.
// It finds the archive (a SEA asset, or a file beside the executable for --onedir), refuses it if its SHA-256 differs from
// the one recorded at build time, and hands it to the VM's frozen entry point.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ArchiveFormatError, BUNDLE_DIR, FrozenArchive, type BundleHeader, type FrozenRunOptions } from "./archive";

/** Exit status when the bundle is missing, altered or unreadable (EX_DATAERR from sysexits.h). */
export const EXIT_BAD_BUNDLE = 65;
/** Exit status when this build of the runtime has no VM to run the program (EX_SOFTWARE). */
export const EXIT_NO_VM = 70;

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

type RunFrozen = (opts: FrozenRunOptions) => Promise<number>;

/** The VM's frozen entry point, if this runtime bundle has one (src/runtime/entry.ts exports `runFrozen`). */
function vmEntry(): RunFrozen | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require("./entry") as { runFrozen?: RunFrozen };
    return typeof mod.runFrozen === "function" ? mod.runFrozen : null;
  } catch {
    return null;
  }
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
  const runFrozen = vmEntry();
  if (!runFrozen) return fail("pypack: this runtime was built without the Python VM (src/runtime/entry.ts runFrozen)", EXIT_NO_VM);
  // In a SEA, argv[1] repeats the executable; what the user typed is argv0 followed by argv[2...].
  const argv = [process.argv0, ...process.argv.slice(2)];
  const code = await runFrozen({ archive, argv, executable: exe, meipass: join(dirname(exe), BUNDLE_DIR) });
  process.exitCode = code;
}

main().catch((err: unknown) => {
  fail(`pypack: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, EXIT_NO_VM);
});
