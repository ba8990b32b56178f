// Writes the frozen archive (zip, via archiver) deterministically: sorted entries, fixed timestamps and modes, plus the
// manifest with every entry's SHA-256, so identical inputs give a byte-identical archive.
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { ARCHIVE_FORMAT, MANIFEST_PATH, type ArchiveManifest } from "../runtime/archive";
import { PypackError } from "./errors";

/** DOS timestamps cannot go below 1980; use its first instant, in local time as zip stores it. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

export interface ArchiveFile {
  /** Archive path: relative, '/'-separated. */
  path: string;
  data: Uint8Array;
}

export type ManifestInput = Omit<ArchiveManifest, "entries" | "format">;

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Rejects paths that would escape the bundle directory or collide with pypack's own files. */
function checkPath(path: string): void {
  if (path === "" || path.startsWith("/") || path.split("/").some((p) => p === ".." || p === "." || p === "")) {
    throw new PypackError(`invalid archive path '${path}'`);
  }
  if (path.startsWith("__pypack__/")) throw new PypackError(`archive path '${path}' is reserved for pypack`);
}

/** Builds the archive bytes and returns them with the manifest written into it. */
export async function writeArchive(files: ArchiveFile[], manifest: ManifestInput): Promise<{ bytes: Buffer; manifest: ArchiveManifest }> {
  const byPath = new Map<string, Uint8Array>();
  for (const f of files) {
    checkPath(f.path);
    const prev = byPath.get(f.path);
    if (prev && Buffer.compare(Buffer.from(prev), Buffer.from(f.data)) !== 0) throw new PypackError(`two different files want archive path '${f.path}'`);
    byPath.set(f.path, f.data);
  }
  const paths = [...byPath.keys()].sort();
  const entries: ArchiveManifest["entries"] = {};
  for (const p of paths) entries[p] = { size: byPath.get(p)!.length, sha256: sha256Hex(byPath.get(p)!) };
  const full: ArchiveManifest = { format: ARCHIVE_FORMAT, ...manifest, entries };
  const manifestBytes = Buffer.from(JSON.stringify(full, null, 1) + "\n", "utf8");
  const bytes = await zip([{ path: MANIFEST_PATH, data: manifestBytes }, ...paths.map((p) => ({ path: p, data: byPath.get(p)! }))]);
  return { bytes, manifest: full };
}

async function zip(files: ArchiveFile[]): Promise<Buffer> {
  // archiver is an ES module; load it lazily so the CLI starts fast for other subcommands.
  const { ZipArchive } = (await import("archiver")) as unknown as { ZipArchive: new (opts: object) => import("archiver").Archiver };
  const archive = new ZipArchive({ zlib: { level: 9 }, forceZip64: false });
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    archive.on("error", reject);
    archive.on("warning", reject);
  });
  archive.pipe(sink);
  for (const f of files) archive.append(Buffer.from(f.data), { name: f.path, date: FIXED_DATE, mode: 0o644 });
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}
