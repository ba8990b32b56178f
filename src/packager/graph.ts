// The module graph: starting from the script, resolves every import statically against the script's directory,
// --paths, the pinned CPython 3.12 stdlib zip and site-packages, as Python's path-based finder would, and records what
// it cannot find (for warn-NAME.txt).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { CPYTHON_C_MODULES } from "./cmodules";
import type { ImportKind, ImportRef } from "./imports";

/** Where a module's file lives: a directory on disk or the stdlib zip. */
export interface Root {
  kind: "dir" | "zip";
  /** "user" for the script dir and --paths, "stdlib", "site" for site-packages. */
  origin: "user" | "stdlib" | "site";
  path: string;
  /** For zips: every file name, and the bytes of those read so far. */
  zip?: ZipIndex;
}

export interface ZipIndex {
  names: Set<string>;
  dirs: Set<string>;
  read(name: string): Uint8Array;
}

export interface GraphModule {
  name: string;
  package: boolean;
  root: Root;
  /** Path relative to the root ('/'-separated), e.g. "pkg/__init__.py"; it is also the code's co_filename. */
  relPath: string;
  source: Uint8Array;
  /** Where it was read from, for logs: an absolute file path or "<stdlib>/json/__init__.py". */
  location: string;
}

/** Importers of one unresolved name, with the kinds of each import (PyInstaller's warn file lists them). */
export type ImporterMap = Map<string, Set<ImportKind>>;

export interface GraphResult {
  entry: GraphModule;
  modules: Map<string, GraphModule>;
  missing: Map<string, ImporterMap>;
  excluded: Map<string, ImporterMap>;
  /** C extensions found on the path (e.g. site-packages .so files): pypack cannot run them. */
  cExtensions: Map<string, { file: string; importers: ImporterMap }>;
  /** C modules of CPython the program imports; the VM must provide them natively. */
  builtins: Set<string>;
  /** Names of the program's own modules (the script and modules not from the stdlib). */
  userModules: Set<string>;
}

export interface GraphInput {
  script: string;
  roots: Root[];
  hiddenImports: string[];
  collectSubmodules: string[];
  excludes: string[];
  /** Returns the imports of a module, or throws (a syntax error, for example). */
  scan(mod: GraphModule): ImportRef[];
}

const EXT_SUFFIX = /\.(cpython-[^.]+\.so|abi3\.so|so|pyd|cp\d+-win[^.]*\.pyd)$/;

export function openStdlibZip(path: string): ZipIndex {
  const data = readFileSync(path);
  const names = new Set<string>();
  const dirs = new Set<string>();
  unzipSync(data, {
    filter: (f) => {
      if (f.name.endsWith("/")) dirs.add(f.name.slice(0, -1));
      else names.add(f.name);
      return false;
    },
  });
  for (const n of names) {
    const parts = n.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  let cache: Record<string, Uint8Array> | null = null;
  return {
    names,
    dirs,
    read(name) {
      // One pass decompresses the (2.3 MB) zip; cheaper than re-scanning it per module.
      cache ??= unzipSync(data, { filter: (f) => f.name.endsWith(".py") });
      const got = cache[name];
      if (!got) throw new Error(`${name} is not in ${path}`);
      return got;
    },
  };
}

interface Found {
  kind: "module" | "package" | "cext";
  relPath: string;
}

/** Looks for `short` inside directory `relDir` of a root, as the path-based finder does. */
function findIn(root: Root, relDir: string, short: string): Found | null {
  const rel = relDir ? `${relDir}/${short}` : short;
  if (root.kind === "zip") {
    const z = root.zip!;
    if (z.names.has(`${rel}/__init__.py`)) return { kind: "package", relPath: `${rel}/__init__.py` };
    if (z.names.has(`${rel}.py`)) return { kind: "module", relPath: `${rel}.py` };
    return null;
  }
  const abs = join(root.path, rel);
  if (isFile(join(abs, "__init__.py"))) return { kind: "package", relPath: `${rel}/__init__.py` };
  if (isFile(`${abs}.py`)) return { kind: "module", relPath: `${rel}.py` };
  const dir = join(root.path, relDir);
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) {
      if (f.startsWith(short + ".") && EXT_SUFFIX.test(f) && f.slice(short.length + 1).split(".").length <= 3) {
        return { kind: "cext", relPath: relDir ? `${relDir}/${f}` : f };
      }
    }
  }
  return null;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function addImporter(map: Map<string, ImporterMap>, name: string, importer: string, kinds: Set<ImportKind>): void {
  let importers = map.get(name);
  if (!importers) map.set(name, (importers = new Map()));
  let k = importers.get(importer);
  if (!k) importers.set(importer, (k = new Set()));
  for (const kind of kinds) k.add(kind);
}

export function buildGraph(input: GraphInput): GraphResult {
  const scriptAbs = input.script;
  const entry: GraphModule = {
    name: "__main__",
    package: false,
    root: { kind: "dir", origin: "user", path: dirname(scriptAbs) },
    relPath: basename(scriptAbs),
    source: readFileSync(scriptAbs),
    location: scriptAbs,
  };
  const result: GraphResult = { entry, modules: new Map(), missing: new Map(), excluded: new Map(), cExtensions: new Map(), builtins: new Set(), userModules: new Set(["__main__"]) };
  const excluded = (name: string) => input.excludes.some((e) => name === e || name.startsWith(e + "."));
  const queue: GraphModule[] = [entry];

  /** Makes sure `name` (and its parents) are in the graph; returns the module or null if it is not a .py module/package. */
  const ensure = (name: string, importer: string, kinds: Set<ImportKind>): GraphModule | null => {
    if (excluded(name)) {
      addImporter(result.excluded, name, importer, kinds);
      return null;
    }
    const known = result.modules.get(name);
    if (known) return known;
    const dot = name.lastIndexOf(".");
    let roots = input.roots;
    let relDir = "";
    if (dot >= 0) {
      const parent = ensure(name.slice(0, dot), importer, kinds);
      // A missing parent is reported already; a plain module parent may register children itself (os sets os.path).
      if (!parent || !parent.package) return null;
      roots = [parent.root];
      relDir = parent.relPath.slice(0, parent.relPath.lastIndexOf("/"));
    } else if (result.builtins.has(name)) {
      return null;
    }
    const short = name.slice(dot + 1);
    for (const root of roots) {
      const found = findIn(root, relDir, short);
      if (!found) continue;
      if (found.kind === "cext") {
        let entryC = result.cExtensions.get(name);
        if (!entryC) result.cExtensions.set(name, (entryC = { file: join(root.path, found.relPath), importers: new Map() }));
        let k = entryC.importers.get(importer);
        if (!k) entryC.importers.set(importer, (k = new Set()));
        for (const kind of kinds) k.add(kind);
        return null;
      }
      const mod: GraphModule = {
        name,
        package: found.kind === "package",
        root,
        relPath: found.relPath,
        source: root.kind === "zip" ? root.zip!.read(found.relPath) : readFileSync(join(root.path, found.relPath)),
        location: root.kind === "zip" ? `<stdlib>/${found.relPath}` : join(root.path, found.relPath),
      };
      result.modules.set(name, mod);
      if (root.origin !== "stdlib") result.userModules.add(name);
      queue.push(mod);
      return mod;
    }
    if (dot < 0 && CPYTHON_C_MODULES.has(name)) {
      result.builtins.add(name);
      return null;
    }
    addImporter(result.missing, name, importer, kinds);
    return null;
  };

  const resolveRef = (mod: GraphModule, ref: ImportRef): void => {
    let base = ref.module;
    if (ref.level > 0) {
      const pkgParts = mod.package ? mod.name.split(".") : mod.name.split(".").slice(0, -1);
      if (mod.name === "__main__" || ref.level - 1 > pkgParts.length - 1 || pkgParts.length === 0) return; // fails at run time, as in CPython
      const baseParts = pkgParts.slice(0, pkgParts.length - (ref.level - 1));
      base = [...baseParts, ...(ref.module ? [ref.module] : [])].join(".");
    }
    const target = ensure(base, mod.name, ref.kinds);
    if (!target || !target.package) return;
    for (const n of ref.names) {
      if (n === "*") continue;
      // `from pkg import name`: a submodule if one exists, else an attribute (nothing to report).
      const sub = `${base}.${n}`;
      if (excluded(sub)) continue;
      if (!result.modules.has(sub)) {
        const relDir = target.relPath.slice(0, target.relPath.lastIndexOf("/"));
        if (findIn(target.root, relDir, n)) ensure(sub, mod.name, ref.kinds);
      }
    }
  };

  const topLevel = new Set<ImportKind>(["top-level"]);
  for (const h of input.hiddenImports) ensure(h, "__main__", topLevel);
  for (const pkg of input.collectSubmodules) collectSubmodules(pkg, ensure, result, topLevel);
  while (queue.length > 0) {
    const mod = queue.shift()!;
    for (const ref of input.scan(mod)) resolveRef(mod, ref);
  }
  return result;
}

/** --collect-submodules PKG: every module below the package, recursively. */
function collectSubmodules(pkg: string, ensure: (n: string, i: string, k: Set<ImportKind>) => GraphModule | null, result: GraphResult, kinds: Set<ImportKind>): void {
  const root = ensure(pkg, "__main__", kinds);
  if (!root || !root.package) return;
  const walk = (mod: GraphModule) => {
    const relDir = mod.relPath.slice(0, mod.relPath.lastIndexOf("/"));
    for (const short of listModules(mod.root, relDir)) {
      const child = ensure(`${mod.name}.${short}`, "__main__", kinds);
      if (child?.package) walk(child);
    }
  };
  walk(root);
  void result;
}

/** Module names directly inside a package directory. */
export function listModules(root: Root, relDir: string): string[] {
  const names = new Set<string>();
  if (root.kind === "zip") {
    const prefix = relDir ? relDir + "/" : "";
    for (const n of root.zip!.names) {
      if (!n.startsWith(prefix)) continue;
      const rest = n.slice(prefix.length);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.py|\/__init__\.py)$/.exec(rest);
      if (m && m[1] !== "__init__") names.add(m[1]);
    }
  } else {
    const dir = join(root.path, relDir);
    for (const f of readdirSync(dir)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\.py$/.exec(f);
      if (m && m[1] !== "__init__") names.add(m[1]);
      else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(f) && isFile(join(dir, f, "__init__.py"))) names.add(f);
    }
  }
  return [...names].sort();
}
