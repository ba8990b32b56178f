// `pypack inspect EXE`: what a pypack executable contains (target, Node version, modules, data files, sizes, hashes),
// in the spirit of PyInstaller's pyi-archive_viewer, read without running the executable.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { dirname, join } from "node:path";
import { FrozenArchive, MANIFEST_PATH, type ArchiveManifest, type BundleHeader } from "../runtime/archive";
import { detectTarget } from "./binfmt";
import { sha256Hex } from "./bundle-archive";
import { PypackError, oneLine } from "./errors";
import { checkSignature } from "./macho";
import { ASSET_ARCHIVE, ASSET_HEADER, findSeaAsset } from "./sea";

export interface InspectEntry {
  path: string;
  size: number;
  sha256: string;
  /** Module name for compiled modules, null for data files. */
  module: string | null;
}

export interface InspectReport {
  file: string;
  target: string;
  nodeVersion: string;
  pypackVersion: string;
  mode: string;
  name: string;
  archive: { size: number; sha256: string; intact: boolean };
  entry: string;
  options: ArchiveManifest["options"];
  modules: InspectEntry[];
  data: InspectEntry[];
  missing: string[];
  signature: { present: boolean; badPages: number; pages: number } | null;
}

function readHead(file: string): Buffer {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(4096);
    readSync(fd, head, 0, head.length, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

export function inspectExecutable(file: string): InspectReport {
  let exe: Buffer;
  try {
    exe = readFileSync(file);
  } catch (err) {
    throw new PypackError(`cannot read '${file}': ${oneLine(err)}`);
  }
  const target = detectTarget(readHead(file));
  if (!target) throw new PypackError(`'${file}' is not an executable pypack can build`);
  const headerBytes = findSeaAsset(exe, ASSET_HEADER);
  if (!headerBytes) throw new PypackError(`'${file}' is not a pypack executable (no ${ASSET_HEADER} asset)`);
  let header = JSON.parse(headerBytes.toString("utf8")) as BundleHeader;
  let archiveBytes: Buffer | null;
  if (header.mode === "onedir") {
    header = JSON.parse(readFileSync(join(dirname(file), header.headerFile ?? "")).toString("utf8")) as BundleHeader;
    archiveBytes = readFileSync(join(dirname(file), header.archiveFile ?? ""));
  } else {
    archiveBytes = findSeaAsset(exe, ASSET_ARCHIVE);
  }
  if (!archiveBytes) throw new PypackError(`'${file}' has no archive`);
  const sha = sha256Hex(archiveBytes);
  const archive = new FrozenArchive(archiveBytes);
  const m = archive.manifest;
  const moduleByPath = new Map<string, string>();
  moduleByPath.set(m.entry.code, "__main__");
  for (const [name, mod] of Object.entries(m.modules)) moduleByPath.set(mod.code, name);
  const modules: InspectEntry[] = [];
  const data: InspectEntry[] = [];
  for (const path of archive.files()) {
    if (path === MANIFEST_PATH) continue;
    const bytes = archive.read(path)!;
    const e: InspectEntry = { path, size: bytes.length, sha256: sha256Hex(bytes), module: moduleByPath.get(path) ?? null };
    (e.module ? modules : data).push(e);
  }
  let signature: InspectReport["signature"] = null;
  if (target.startsWith("darwin")) {
    try {
      const c = checkSignature(exe);
      signature = { present: true, badPages: c.badPages.length, pages: c.pages };
    } catch {
      signature = { present: false, badPages: 0, pages: 0 };
    }
  }
  return {
    file,
    target,
    nodeVersion: header.nodeVersion,
    pypackVersion: header.pypackVersion,
    mode: header.mode,
    name: header.name,
    archive: { size: archiveBytes.length, sha256: sha, intact: sha === header.archiveSha256 },
    entry: m.entry.filename,
    options: m.options,
    modules: modules.sort((a, b) => (a.module! < b.module! ? -1 : 1)),
    data,
    missing: m.missing,
    signature,
  };
}

function table(rows: InspectEntry[], first: (e: InspectEntry) => string): string[] {
  const width = Math.max(4, ...rows.map((r) => first(r).length));
  return rows.map((r) => `  ${first(r).padEnd(width)}  ${String(r.size).padStart(9)}  ${r.sha256.slice(0, 16)}`);
}

export function formatReport(r: InspectReport): string {
  const lines = [
    `${r.file}: pypack ${r.pypackVersion} ${r.mode} executable for ${r.target}, Node ${r.nodeVersion}`,
    `name: ${r.name}    entry script: ${r.entry}    optimize: ${r.options.optimize}    sources: ${r.options.includeSource ? "included" : "not included"}    windowed: ${r.options.windowed ? "yes" : "no"}`,
    `archive: ${r.archive.size} bytes, sha256 ${r.archive.sha256} (${r.archive.intact ? "intact" : "ALTERED: does not match the recorded hash"})`,
  ];
  if (r.signature) {
    lines.push(r.signature.present ? `code signature: ad-hoc, ${r.signature.pages} pages, ${r.signature.badPages === 0 ? "all hashes match" : `${r.signature.badPages} page hashes do not match`}` : "code signature: none");
  }
  lines.push(`modules (${r.modules.length}):         size  sha256`, ...table(r.modules, (e) => e.module!));
  lines.push(`data files (${r.data.length}):`, ...table(r.data, (e) => e.path));
  if (r.missing.length) lines.push(`missing at build time (${r.missing.length}): ${r.missing.join(", ")}`);
  return lines.join("\n") + "\n";
}
