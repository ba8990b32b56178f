// The frozen archive inside a pypack executable: a zip of compiled modules, data files and a manifest, read in memory.
//
// For the VM engineer (how the frozen entry point should use this):
//   - The bootstrap (src/runtime/bootstrap.ts) builds a `FrozenArchive` from the SEA asset, registers every module of
//     the manifest as a frozen module of the VM (entry.ts RunOptions.frozen; code objects deserialised lazily) and runs
//     `runMain({ main: { kind: "frozen", name: "__main__" }, stdlibZip: null, ... })`; sys.frozen and sys._MEIPASS are set.
//   - Every archive path is relative, '/'-separated, and maps to a file below `opts.meipass` (sys._MEIPASS):
//       <pkg>/<mod>.pyc  compiled module (the compiler's `serializeCode` bytes; load with `deserializeCode`)
//       <pkg>/<mod>.py   its source, present only when built with --include-source (for traceback source lines)
//       anything else    data files (--add-data, --collect-data) and *.dist-info/ metadata (--copy-metadata)
//       __pypack__/manifest.json   the manifest below (never a user file)
//   - `manifest.modules` maps dotted module names to their entries (code path, co_filename, package or not); the frozen
//     importer should serve exactly these (a meta-path finder ahead of nothing else: there is no file system stdlib in a
//     frozen program). `manifest.entry` is the script to run as `__main__`.
//   - Packages: `__path__` = [meipass + "/" + dir of the package]; `__file__` = meipass + "/" + entry.filename.
//   - Data files: `open`, `os.path.exists/isfile/isdir`, `os.listdir`, `os.stat`, `pathlib` and `importlib.resources` on a
//     path below meipass should consult `frozenPath(path)` (bottom of this file) then `read`/`stat`/`list`; nothing is
//     extracted to disk. (Not wired into the VM's file functions yet.)
//   - sys.frozen = True, sys.executable = opts.executable, sys.argv = opts.argv, sys._MEIPASS = opts.meipass,
//     sys.flags.optimize = manifest.options.optimize.
import { inflateRawSync } from "node:zlib";

export const MANIFEST_PATH = "__pypack__/manifest.json";
export const ARCHIVE_FORMAT = 1;

/** One importable module in the archive. */
export interface FrozenModule {
  /** Archive path of the compiled code (serializeCode output). */
  code: string;
  /** Archive path of the .py source, when bundled (--include-source). */
  source: string | null;
  /** The code object's co_filename: relative path such as "pkg/mod.py" (as PyInstaller shows in tracebacks). */
  filename: string;
  /** True for packages (`__init__`); their `__path__` is the archive directory holding `code`. */
  package: boolean;
}

export interface ArchiveManifest {
  format: number;
  pypackVersion: string;
  /** Executable name (without .exe). */
  name: string;
  /** The script, run as `__main__`. */
  entry: FrozenModule;
  options: {
    optimize: 0 | 1 | 2;
    includeSource: boolean;
    windowed: boolean;
  };
  modules: Record<string, FrozenModule>;
  /** Modules the graph could not find (imported anyway at run time they raise ModuleNotFoundError). */
  missing: string[];
  /** SHA-256 (hex) and size of every archive entry except this manifest. */
  entries: Record<string, { size: number; sha256: string }>;
}

/** Options the bootstrap passes to the VM's `runFrozen`. */
export interface FrozenRunOptions {
  archive: FrozenArchive;
  /** sys.argv: argv[0] as the user typed it, then the arguments. */
  argv: string[];
  /** sys.executable: absolute path of the running executable. */
  executable: string;
  /** sys._MEIPASS: the (virtual) bundle directory the archive's paths live under. */
  meipass: string;
}

export interface ArchiveStat {
  isDir: boolean;
  size: number;
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const enum ZipSig {
  EndOfCentralDir = 0x06054b50,
  CentralFile = 0x02014b50,
  LocalFile = 0x04034b50,
}

const enum ZipMethod {
  Store = 0,
  Deflate = 8,
}

export class ArchiveFormatError extends Error {}

/** An in-memory zip reader with directory queries; entries are inflated lazily, on first read. */
export class FrozenArchive {
  readonly manifest: ArchiveManifest;
  private readonly entries = new Map<string, ZipEntry>();
  /** Directory -> names directly inside it (files and subdirectories), for listdir. */
  private readonly dirs = new Map<string, Set<string>>();

  constructor(private readonly data: Uint8Array) {
    this.readCentralDirectory();
    const manifest = this.read(MANIFEST_PATH);
    if (!manifest) throw new ArchiveFormatError("archive has no manifest");
    this.manifest = JSON.parse(Buffer.from(manifest).toString("utf8")) as ArchiveManifest;
    if (this.manifest.format !== ARCHIVE_FORMAT) throw new ArchiveFormatError(`archive format ${this.manifest.format} is not supported`);
  }

  private view(): DataView {
    return new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
  }

  private readCentralDirectory(): void {
    const dv = this.view();
    let eocd = -1;
    for (let i = this.data.length - 22; i >= Math.max(0, this.data.length - 22 - 0xffff); i--) {
      if (dv.getUint32(i, true) === ZipSig.EndOfCentralDir) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ArchiveFormatError("not a zip archive");
    const count = dv.getUint16(eocd + 10, true);
    let off = dv.getUint32(eocd + 16, true);
    this.dirs.set("", new Set());
    for (let i = 0; i < count; i++) {
      if (dv.getUint32(off, true) !== ZipSig.CentralFile) throw new ArchiveFormatError("corrupt zip central directory");
      const nameLen = dv.getUint16(off + 28, true);
      const extraLen = dv.getUint16(off + 30, true);
      const commentLen = dv.getUint16(off + 32, true);
      const name = Buffer.from(this.data.subarray(off + 46, off + 46 + nameLen)).toString("utf8");
      if (!name.endsWith("/")) {
        this.entries.set(name, {
          method: dv.getUint16(off + 10, true),
          compressedSize: dv.getUint32(off + 20, true),
          size: dv.getUint32(off + 24, true),
          localOffset: dv.getUint32(off + 42, true),
        });
        this.addToDirs(name);
      }
      off += 46 + nameLen + extraLen + commentLen;
    }
  }

  private addToDirs(path: string): void {
    const parts = path.split("/");
    let dir = "";
    for (const part of parts) {
      let names = this.dirs.get(dir);
      if (!names) this.dirs.set(dir, (names = new Set()));
      names.add(part);
      dir = dir === "" ? part : `${dir}/${part}`;
    }
  }

  /** Bytes of a file, or null if the archive has no such file. */
  read(path: string): Uint8Array | null {
    const e = this.entries.get(path);
    if (!e) return null;
    const dv = this.view();
    if (dv.getUint32(e.localOffset, true) !== ZipSig.LocalFile) throw new ArchiveFormatError(`corrupt zip entry ${path}`);
    const start = e.localOffset + 30 + dv.getUint16(e.localOffset + 26, true) + dv.getUint16(e.localOffset + 28, true);
    const raw = this.data.subarray(start, start + e.compressedSize);
    if (e.method === ZipMethod.Store) return raw;
    if (e.method === ZipMethod.Deflate) return inflateRawSync(raw);
    throw new ArchiveFormatError(`zip entry ${path} uses unsupported compression method ${e.method}`);
  }

  /** Names directly inside a directory ("" is the root), sorted; null if it is not a directory. */
  list(dir: string): string[] | null {
    const names = this.dirs.get(trimSlashes(dir));
    return names ? [...names].sort() : null;
  }

  stat(path: string): ArchiveStat | null {
    const p = trimSlashes(path);
    const e = this.entries.get(p);
    if (e) return { isDir: false, size: e.size };
    return this.dirs.has(p) ? { isDir: true, size: 0 } : null;
  }

  /** Every file path, sorted. */
  files(): string[] {
    return [...this.entries.keys()].sort();
  }

  /**
   * Maps an absolute path to an archive path if it lies below `root` (sys._MEIPASS), else null.
   * Accepts both separators on Windows and normalises "." and ".." the way os.path.normpath does.
   */
  static relativeTo(root: string, path: string, windows = process.platform === "win32"): string | null {
    const norm = (p: string) => {
      const parts: string[] = [];
      for (const part of (windows ? p.replace(/\\/g, "/") : p).split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") parts.pop();
        else parts.push(part);
      }
      return parts;
    };
    const r = norm(root);
    const q = norm(path);
    if (q.length < r.length) return null;
    for (let i = 0; i < r.length; i++) {
      if (windows ? r[i].toLowerCase() !== q[i].toLowerCase() : r[i] !== q[i]) return null;
    }
    return q.slice(r.length).join("/");
  }
}

function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, "");
}

/**
 * The small JSON asset stored next to the archive (SEA asset `pypack/header.json`; in --onedir builds also the file
 * `_internal/<name>.json`): the bootstrap checks the archive against `archiveSha256` before running anything.
 */
export interface BundleHeader {
  format: number;
  pypackVersion: string;
  name: string;
  target: string;
  nodeVersion: string;
  mode: "onefile" | "onedir";
  /** onefile: hash of the archive asset. onedir: absent in the executable (the sidecar file beside it has it). */
  archiveSha256?: string;
  archiveSize?: number;
  /** onedir: archive and header files, relative to the executable's directory. */
  archiveFile?: string;
  headerFile?: string;
}

/** Where data files and modules appear to live: `_internal` beside the executable (as PyInstaller's onedir layout). */
export const BUNDLE_DIR = "_internal";

/** The running executable's archive and the directory it appears at (sys._MEIPASS); null outside a packaged program. */
let mounted: { root: string; archive: FrozenArchive } | null = null;

/** Called once by the bootstrap before the program runs. */
export function mountArchive(root: string, archive: FrozenArchive): void {
  mounted = { root, archive };
}

/**
 * For the VM's file functions (open, os.stat, os.listdir, os.path.exists/isfile/isdir, pathlib, importlib.resources):
 * when `path` lies below sys._MEIPASS of a packaged program, the archive and the path inside it ("" = the bundle
 * directory itself), else null (use the real file system). Nothing is ever extracted to disk.
 */
export function frozenPath(path: string): { archive: FrozenArchive; rel: string } | null {
  if (!mounted) return null;
  const rel = FrozenArchive.relativeTo(mounted.root, path);
  return rel === null ? null : { archive: mounted.archive, rel };
}
