// Data files for the bundle: --add-data sources, --collect-data package files and --copy-metadata dist-info directories.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { ArchiveFile } from "./bundle-archive";
import { PypackError, oneLine } from "./errors";
import type { Root } from "./graph";
import type { DataSpec } from "./options";

function joinArchive(dest: string, rel: string): string {
  return dest === "." ? rel : `${dest}/${rel}`;
}

/** Every file below `dir` as '/'-separated relative paths, sorted; __pycache__ and compiled files are skipped. */
function walk(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const visit = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === "__pycache__" || skip(entry.name)) continue;
      const childAbs = join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(childAbs, childRel);
      else if (entry.isFile() || (entry.isSymbolicLink() && statSync(childAbs).isFile())) out.push(childRel);
    }
  };
  visit(dir, "");
  return out;
}

function readData(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new PypackError(`${what} '${path}' is not readable (${oneLine(err)})`);
  }
}

/** --add-data: a file lands in DEST/<its name>; a directory's contents land below DEST (as PyInstaller does). */
export function addDataFiles(specs: DataSpec[]): ArchiveFile[] {
  const files: ArchiveFile[] = [];
  for (const spec of specs) {
    let st;
    try {
      st = statSync(spec.src);
    } catch (err) {
      throw new PypackError(`--add-data source '${spec.src}' is not readable (${oneLine(err)})`);
    }
    if (st.isDirectory()) {
      let rels: string[];
      try {
        rels = walk(spec.src);
      } catch (err) {
        throw new PypackError(`--add-data source '${spec.src}' is not readable (${oneLine(err)})`);
      }
      for (const rel of rels) files.push({ path: joinArchive(spec.dest, rel), data: readData(join(spec.src, rel), "--add-data source") });
    } else {
      files.push({ path: joinArchive(spec.dest, basename(spec.src)), data: readData(spec.src, "--add-data source") });
    }
  }
  return files;
}

/** --collect-data PKG: the package's non-Python files, at the package's path in the bundle. */
export function packageDataFiles(pkgRelDir: string, root: Root): ArchiveFile[] {
  const isCode = (n: string) => /\.(py|pyc|pyo|so|pyd)$/.test(n);
  if (root.kind === "zip") {
    const prefix = pkgRelDir + "/";
    return [...root.zip!.names]
      .filter((n) => n.startsWith(prefix) && !isCode(n) && !n.includes("/__pycache__/"))
      .sort()
      .map((n) => ({ path: n, data: root.zip!.read(n) }));
  }
  const abs = join(root.path, pkgRelDir);
  return walk(abs, isCode).map((rel) => ({ path: `${pkgRelDir}/${rel}`, data: readData(join(abs, rel), "data file") }));
}

/** Normalised distribution name (PEP 503), for matching NAME-VERSION.dist-info directories. */
function normalizeDist(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "_");
}

/** --copy-metadata DIST: its .dist-info (or .egg-info) directory from a site-packages root. */
export function metadataFiles(dist: string, roots: Root[]): ArchiveFile[] {
  const want = normalizeDist(dist);
  for (const root of roots) {
    if (root.kind !== "dir") continue;
    let names: string[];
    try {
      names = readdirSync(root.path);
    } catch {
      continue;
    }
    for (const n of names.sort()) {
      const m = /^(.+?)-[^-]+\.(dist-info|egg-info)$/.exec(n);
      if (!m || normalizeDist(m[1]) !== want) continue;
      const abs = join(root.path, n);
      if (!statSync(abs).isDirectory()) continue;
      return walk(abs).map((rel) => ({ path: `${n}/${rel}`, data: readData(join(abs, rel), "metadata file") }));
    }
  }
  throw new PypackError(`--copy-metadata: no installed distribution named '${dist}' (looked for ${dist}-*.dist-info on the search path)`);
}
