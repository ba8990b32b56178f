// The import system (importlib._bootstrap's observable behaviour, written in TS): sys.modules, sys.meta_path finders
// (native modules, frozen archive, path finder over directories and the stdlib zip), packages, namespace packages,
// relative imports, fromlist handling, circular-import messages, module specs.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { unzipSync } from "fflate";
import {
  ImportErrorType,
  ModuleNotFoundErrorType,
  None,
  PyBase,
  PyBaseException,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  PyTuple,
  PyType,
  makeBuiltinType,
  ObjectType,
  newException,
  newModule,
  typeError,
  valueError,
  typeOf,
  isinstance,
  AttributeErrorType,
  PyCode,
  PyStrObj,
  KeyErrorType,
  ModuleType,
} from "./core";
import * as ops from "./ops";
import { defMethod, defGetSet, makeModule, parseArgs } from "./define";
import { execCode, interp, pyCodeOf } from "./interpreter";
import { sysModule } from "./modules/sys";
import { nativeModuleFactory, registerNativeModule } from "./modules/registry";
import { builtinsModule } from "./modules/builtins";
import { compileSource } from "../compiler/compile";
import { decodeSource } from "../compiler/sourceDecoding";
import { PySyntaxError } from "../compiler/errors";
import type { CodeObject } from "../compiler/code";
import { reduceHooks } from "./objects/type";

// ---------------------------------------------------------------------------------------------------------------
// Module specs and loaders

export const ModuleSpecType = makeBuiltinType("ModuleSpec", ObjectType, { alloc: (cls) => new PySpec(cls) });
ModuleSpecType.dict.setStr("__module__", "importlib._bootstrap");
ModuleSpecType.instDict = true;
export class PySpec extends PyBase {
  constructor(type?: PyType) {
    super(type ?? ModuleSpecType);
    this.dict = new PyDict();
  }
  get(name: string): PyObject {
    return this.dict!.getStr(name) ?? None;
  }
}
function newSpec(name: string, loader: PyObject, origin: PyObject, searchLocations: PyObject, isPackage: boolean): PySpec {
  const s = new PySpec();
  const d = s.dict!;
  d.setStr("name", name);
  d.setStr("loader", loader);
  d.setStr("origin", origin);
  d.setStr("loader_state", None);
  d.setStr("submodule_search_locations", searchLocations);
  d.setStr("cached", None);
  d.setStr("has_location", typeof origin === "string" && !origin.startsWith("<") && origin !== "built-in" && origin !== "frozen");
  d.setStr("_initializing", false);
  void isPackage;
  return s;
}
defGetSet(ModuleSpecType, "parent", (self) => {
  const s = self as PySpec;
  const name = ops.str(s.get("name"));
  if (s.get("submodule_search_locations") !== None) return name;
  const i = name.lastIndexOf(".");
  return i < 0 ? "" : name.slice(0, i);
});
defMethod(ModuleSpecType, "__init__", (self, args, kw) => {
  const [name, loader, origin, loaderState, isPackage] = parseArgs("ModuleSpec", args, kw, ["name", "loader", "origin", "loader_state", "is_package"], 2, 0, 2);
  const d = (self as PySpec).dict!;
  d.setStr("name", name!);
  d.setStr("loader", loader!);
  d.setStr("origin", origin ?? None);
  d.setStr("loader_state", loaderState ?? None);
  d.setStr("submodule_search_locations", isPackage !== undefined && ops.truthy(isPackage) ? new PyList([]) : None);
  d.setStr("cached", None);
  d.setStr("has_location", false);
  d.setStr("_initializing", false);
  return None;
});
ModuleSpecType.slots.repr = (self) => {
  const s = self as PySpec;
  let r = `ModuleSpec(name=${ops.repr(s.get("name"))}, loader=${ops.repr(s.get("loader"))}`;
  if (s.get("origin") !== None) r += `, origin=${ops.repr(s.get("origin"))}`;
  if (s.get("submodule_search_locations") !== None) r += `, submodule_search_locations=${ops.repr(s.get("submodule_search_locations"))}`;
  return r + ")";
};

/** Our loaders: one type, three kinds. */
export const LoaderType = makeBuiltinType("SourceFileLoader", ObjectType);
LoaderType.dict.setStr("__module__", "importlib._bootstrap_external");
const enum LoaderKind {
  Builtin,
  Source,
  Namespace,
}
class PyLoader extends PyBase {
  constructor(
    public kind: LoaderKind,
    public name: string,
    public path: string,
  ) {
    super(LoaderType);
  }
}
LoaderType.slots.repr = (self) => {
  const l = self as PyLoader;
  if (l.kind === LoaderKind.Builtin) return "<class '_frozen_importlib.BuiltinImporter'>";
  if (l.kind === LoaderKind.Namespace) return `<_frozen_importlib_external.NamespaceLoader object>`;
  return `<_frozen_importlib_external.SourceFileLoader object at 0x${ops.identityHash(self).toString(16).padStart(12, "0")}>`;
};
defMethod(LoaderType, "get_source", (self) => {
  const l = self as PyLoader;
  if (l.kind !== LoaderKind.Source) return None;
  const src = readSourceFile(l.path);
  return src === null ? None : src;
});
defMethod(LoaderType, "get_filename", (self) => (self as PyLoader).path);
defMethod(LoaderType, "is_package", (self) => /__init__\.py$/.test((self as PyLoader).path));
defMethod(LoaderType, "create_module", () => None);
defMethod(LoaderType, "exec_module", (self, args) => {
  const l = self as PyLoader;
  const m = args[0] as PyModule;
  if (l.kind === LoaderKind.Source) execSourceModule(m, l.path);
  return None;
});
defMethod(LoaderType, "get_data", (self, args) => {
  const p = ops.str(args[0]);
  const data = readBytes(p);
  if (data === null) throw newException(excOSError(), [2, "No such file or directory", p]);
  return new (bytesCtor())(data);
});
defMethod(LoaderType, "get_resource_reader", () => None);
import { PyBytes, OSErrorType } from "./core";
function bytesCtor(): typeof PyBytes {
  return PyBytes;
}
function excOSError(): PyType {
  return OSErrorType;
}

// ---------------------------------------------------------------------------------------------------------------
// The stdlib zip and other zip archives on sys.path

interface ZipIndex {
  files: Map<string, Uint8Array>;
  dirs: Set<string>;
}
const zips = new Map<string, ZipIndex | null>();
function openZip(zipPath: string): ZipIndex | null {
  if (zips.has(zipPath)) return zips.get(zipPath)!;
  let idx: ZipIndex | null = null;
  try {
    const raw = fs.readFileSync(zipPath);
    const files = new Map<string, Uint8Array>();
    const dirs = new Set<string>();
    const entries = unzipSync(new Uint8Array(raw));
    for (const name of Object.keys(entries)) {
      files.set(name, entries[name]);
      const parts = name.split("/");
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
    }
    idx = { files, dirs };
  } catch {
    idx = null;
  }
  zips.set(zipPath, idx);
  return idx;
}
/** Splits "/a/b.zip/pkg/mod.py" into the zip and the inner path when a zip archive is on the path. */
function splitZipPath(p: string): [string, string] | null {
  const i = p.indexOf(".zip");
  if (i < 0) return null;
  const zip = p.slice(0, i + 4);
  const inner = p.slice(i + 5);
  return [zip, inner];
}
export function readBytes(p: string): Uint8Array | null {
  const z = splitZipPath(p);
  if (z !== null && isZipFile(z[0])) {
    const idx = openZip(z[0]);
    return idx?.files.get(z[1]) ?? null;
  }
  try {
    return new Uint8Array(fs.readFileSync(p));
  } catch {
    return null;
  }
}
const zipFileCache = new Map<string, boolean>();
function isZipFile(p: string): boolean {
  let r = zipFileCache.get(p);
  if (r === undefined) {
    try {
      r = fs.statSync(p).isFile();
    } catch {
      r = false;
    }
    zipFileCache.set(p, r);
  }
  return r;
}
const sourceCache = new Map<string, string | null>();
/** The decoded source of a .py file (filesystem or zip), cached for tracebacks. */
export function readSourceFile(p: string): string | null {
  if (sourceCache.has(p)) return sourceCache.get(p)!;
  const data = readBytes(p);
  let s: string | null = null;
  if (data !== null) {
    try {
      s = decodeSource(data, p);
    } catch {
      s = Buffer.from(data).toString("utf8");
    }
  }
  sourceCache.set(p, s);
  return s;
}

/** Locates the pinned stdlib zip (node_modules/pyodide/python_stdlib.zip) next to the running script. */
export function stdlibZipPath(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(nodePath.join(nodePath.dirname(require.resolve("pyodide/package.json")), "python_stdlib.zip"));
  } catch {
    /* not resolvable from here */
  }
  const main = require.main?.filename ?? process.argv[1] ?? "";
  let dir = nodePath.dirname(main);
  for (let i = 0; i < 6; i++) {
    candidates.push(nodePath.join(dir, "node_modules", "pyodide", "python_stdlib.zip"));
    dir = nodePath.dirname(dir);
  }
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding modules

interface Found {
  kind: "source" | "namespace";
  origin: string;
  /** submodule_search_locations for packages */
  locations: string[] | null;
}

function isFile(p: string): boolean {
  const z = splitZipPath(p);
  if (z !== null && isZipFile(z[0])) return openZip(z[0])?.files.has(z[1]) ?? false;
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
function isDir(p: string): boolean {
  const z = splitZipPath(p);
  if (z !== null && isZipFile(z[0])) {
    if (z[1] === "") return true;
    return openZip(z[0])?.dirs.has(z[1]) ?? false;
  }
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** PathFinder.find_spec over a list of path entries. */
function findOnPath(tail: string, fullname: string, entries: string[]): Found | null {
  const nsLocations: string[] = [];
  for (const entry0 of entries) {
    const entry = entry0 === "" ? process.cwd() : entry0;
    const base = entry.endsWith("/") ? entry + tail : `${entry}/${tail}`;
    const pkgInit = `${base}/__init__.py`;
    if (isDir(base)) {
      if (isFile(pkgInit)) return { kind: "source", origin: pkgInit, locations: [base] };
      nsLocations.push(base);
      continue;
    }
    if (isFile(`${base}.py`)) return { kind: "source", origin: `${base}.py`, locations: null };
  }
  void fullname;
  if (nsLocations.length) return { kind: "namespace", origin: "", locations: nsLocations };
  return null;
}

function pathEntries(path: PyObject): string[] {
  const out: string[] = [];
  if (path === None) return out;
  for (const p of ops.toArray(path)) if (typeof p === "string" || p instanceof PyStrObj) out.push(ops.pyStr(p));
  return out;
}

/** Frozen (archive) modules, installed by the packager bootstrap: name -> code or source. */
export const frozenModules = new Map<string, { code?: CodeObject; source?: string; filename: string; isPackage: boolean }>();

function sysDict(): PyDict {
  return sysModule().dict;
}
function sysModules(): PyDict {
  const m = sysDict().getStr("modules");
  if (!(m instanceof PyDict)) throw runtimeErr("sys.modules must be a dict");
  return m;
}
import { runtimeError } from "./core";
function runtimeErr(msg: string): PyBaseException {
  return runtimeError(msg);
}

/** Native finder objects placed in sys.meta_path. */
export const FinderType = makeBuiltinType("PathFinder", ObjectType);
FinderType.dict.setStr("__module__", "importlib._bootstrap_external");
class PyFinder extends PyBase {
  constructor(public kind: "builtin" | "frozen" | "path") {
    super(FinderType);
  }
}
FinderType.slots.repr = (self) => {
  const k = (self as PyFinder).kind;
  return k === "builtin" ? "<class '_frozen_importlib.BuiltinImporter'>" : k === "frozen" ? "<class '_frozen_importlib.FrozenImporter'>" : "<class '_frozen_importlib_external.PathFinder'>";
};
defMethod(FinderType, "find_spec", (self, args) => {
  const name = ops.pyStr(args[0]);
  const path = args.length > 1 ? args[1] : None;
  return nativeFindSpec((self as PyFinder).kind, name, path) ?? None;
});
defMethod(FinderType, "invalidate_caches", () => {
  zipFileCache.clear();
  return None;
});
const builtinFinder = new PyFinder("builtin");
const frozenFinder = new PyFinder("frozen");
const pathFinder = new PyFinder("path");

function nativeFindSpec(kind: "builtin" | "frozen" | "path", name: string, path: PyObject): PySpec | null {
  if (kind === "builtin") {
    if (nativeModuleFactory(name) === undefined) return null;
    const s = newSpec(name, new PyLoader(LoaderKind.Builtin, name, ""), "built-in", None, false);
    return s;
  }
  if (kind === "frozen") {
    const fm = frozenModules.get(name);
    if (fm === undefined) return null;
    const loader = new PyLoader(LoaderKind.Source, name, fm.filename);
    const s = newSpec(name, loader, fm.filename, fm.isPackage ? new PyList([nodePath.dirname(fm.filename)]) : None, fm.isPackage);
    return s;
  }
  const tail = name.slice(name.lastIndexOf(".") + 1);
  const entries = path === None ? pathEntries(sysDict().getStr("path") ?? None) : pathEntries(path);
  const f = findOnPath(tail, name, entries);
  if (f === null) return null;
  if (f.kind === "namespace") {
    const s = newSpec(name, new PyLoader(LoaderKind.Namespace, name, ""), None, new PyList(f.locations!), true);
    s.dict!.setStr("origin", None);
    return s;
  }
  const loader = new PyLoader(LoaderKind.Source, name, f.origin);
  const s = newSpec(name, loader, f.origin, f.locations === null ? None : new PyList(f.locations), f.locations !== null);
  s.dict!.setStr("has_location", true);
  return s;
}

function findSpec(name: string, path: PyObject): PyObject | null {
  const metaPath = sysDict().getStr("meta_path");
  const finders = metaPath instanceof PyList ? metaPath.items.slice() : [];
  for (const finder of finders) {
    if (finder instanceof PyFinder) {
      const s = nativeFindSpec(finder.kind, name, path);
      if (s !== null) return s;
      continue;
    }
    const fs_ = ops.getAttrOpt(finder, "find_spec");
    if (fs_ === undefined) continue;
    const s = ops.call(fs_, [name, path, None]);
    if (s !== None) return s;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

/** Compile cache of code objects by filename (the same file is compiled once per process). */
const codeCache = new Map<string, CodeObject>();

export interface CompileHooks {
  /** Optional persistent cache (set by entry.ts): returns a cached code object for (path, source) or null. */
  load?: (path: string, source: string) => CodeObject | null;
  store?: (path: string, source: string, code: CodeObject) => void;
  optimize: 0 | 1 | 2;
}
export const compileHooks: CompileHooks = { optimize: 0 };

export function compileFile(path: string, source: string): CodeObject {
  let co = codeCache.get(path);
  if (co !== undefined) return co;
  co = compileHooks.load?.(path, source) ?? undefined;
  if (co === undefined) {
    co = compileOrRaise(source, path, "exec");
    compileHooks.store?.(path, source, co);
  }
  codeCache.set(path, co);
  return co;
}

/** Compiles source, converting compiler syntax errors to Python SyntaxError objects. */
export function compileOrRaise(source: string, filename: string, mode: "exec" | "eval" | "single", flags = 0): CodeObject {
  try {
    return compileSource(source, filename, mode, { optimize: compileHooks.optimize, flags });
  } catch (e) {
    if (e instanceof PySyntaxError) throw syntaxErrorFrom(e);
    throw e;
  }
}
import { excTypes } from "./core";
export function syntaxErrorFrom(e: PySyntaxError): PyBaseException {
  const t = excTypes.get(e.kind)!;
  const exc = ops.call(t, [e.msg, new PyTuple([e.filename, e.lineno, e.offset, e.text === null ? None : e.text, e.end_lineno, e.end_offset])]);
  return exc as PyBaseException;
}

function execSourceModule(m: PyModule, path: string): void {
  let co: CodeObject;
  const fm = frozenModules.get(m.name);
  if (fm !== undefined && fm.filename === path && fm.code !== undefined) co = fm.code;
  else {
    const src = fm !== undefined && fm.filename === path && fm.source !== undefined ? fm.source : readSourceFile(path);
    if (src === null) throw newException(ImportErrorType, `cannot read source of ${path}`);
    co = compileFile(path, src);
  }
  execCode(pyCodeOf(co), m.dict, m.dict);
}

function initModuleAttrs(m: PyModule, spec: PyObject): void {
  const d = m.dict;
  const get = (n: string): PyObject => ops.getAttrOpt(spec, n) ?? None;
  d.setStr("__spec__", spec);
  d.setStr("__loader__", get("loader"));
  const locs = get("submodule_search_locations");
  const name = ops.pyStr(get("name"));
  d.setStr("__package__", locs !== None ? name : name.slice(0, Math.max(0, name.lastIndexOf("."))));
  if (locs !== None) d.setStr("__path__", locs);
  const origin = get("origin");
  if (ops.truthy(get("has_location")) && typeof origin === "string") {
    d.setStr("__file__", origin);
    d.setStr("__cached__", None);
  }
  if (d.getStr("__doc__") === undefined) d.setStr("__doc__", None);
}

function loadFromSpec(name: string, spec: PyObject): PyModule {
  const loader = ops.getAttrOpt(spec, "loader") ?? None;
  let m: PyModule;
  if (loader instanceof PyLoader && loader.kind === LoaderKind.Builtin) {
    const factory = nativeModuleFactory(name)!;
    m = factory();
    m.dict.setStr("__spec__", spec);
    m.dict.setStr("__loader__", loader);
    if (m.dict.getStr("__package__") === undefined || m.dict.getStr("__package__") === "") m.dict.setStr("__package__", "");
    sysModules().setStr(name, m);
    return m;
  }
  let created: PyObject = None;
  if (!(loader instanceof PyLoader)) {
    const cm = ops.getAttrOpt(loader, "create_module");
    if (cm !== undefined) created = ops.call(cm, [spec]);
  }
  m = created instanceof PyModule ? created : newModule(name);
  initModuleAttrs(m, spec);
  const modules = sysModules();
  modules.setStr(name, m);
  ops.setAttr(spec, "_initializing", true);
  try {
    if (loader instanceof PyLoader) {
      if (loader.kind === LoaderKind.Source) execSourceModule(m, loader.path);
    } else {
      const em = ops.getAttrOpt(loader, "exec_module");
      if (em === undefined) throw newException(ImportErrorType, `loader for ${name} has no exec_module()`);
      ops.call(em, [m]);
    }
  } catch (e) {
    modules.delete(name);
    throw e;
  } finally {
    ops.setAttr(spec, "_initializing", false);
  }
  // the module may have replaced itself in sys.modules
  const final = modules.getStr(name);
  if (final === undefined) throw newException(KeyErrorType, [name]);
  return final as PyModule;
}

function moduleNotFound(name: string, msg?: string): PyBaseException {
  const e = ops.call(ModuleNotFoundErrorType, [msg ?? `No module named '${name}'`], ) as PyBaseException;
  e.dict!.setStr("name", name);
  return e;
}

/** _find_and_load: imports one fully qualified module (its parent must be imported). */
function findAndLoad(name: string): PyObject {
  const modules = sysModules();
  const existing = modules.getStr(name);
  if (existing !== undefined) {
    if (existing === None) throw moduleNotFound(name, `import of ${name} halted; None in sys.modules`);
    return existing;
  }
  let path: PyObject = None;
  const dot = name.lastIndexOf(".");
  let parentModule: PyObject | undefined;
  if (dot >= 0) {
    const parent = name.slice(0, dot);
    parentModule = modules.getStr(parent);
    if (parentModule === undefined) parentModule = importAbsolute(parent);
    // the parent import may have imported us
    const again = modules.getStr(name);
    if (again !== undefined) return again;
    const p = ops.getAttrOpt(parentModule, "__path__");
    if (p === undefined) throw moduleNotFound(name, `No module named '${name}'; '${parent}' is not a package`);
    path = p;
  }
  const spec = findSpec(name, path);
  if (spec === null) throw moduleNotFound(name);
  const m = loadFromSpec(name, spec);
  if (dot >= 0 && parentModule !== undefined) {
    try {
      ops.setAttr(parentModule, name.slice(dot + 1), m);
    } catch {
      /* CPython ignores failures to set the attribute */
    }
  }
  return m;
}

/** Imports a dotted absolute name, importing each parent first (_gcd_import). */
export function importAbsolute(name: string): PyObject {
  const modules = sysModules();
  const existing = modules.getStr(name);
  if (existing !== undefined && existing !== None) {
    // still initialising in another part of the import graph: fine (circular import)
    return existing;
  }
  return findAndLoad(name);
}

function resolveName(name: string, globals: PyDict, level: number): string {
  let pkg = globals.getStr("__package__");
  const spec = globals.getStr("__spec__");
  if (pkg === undefined || pkg === None) {
    if (spec !== undefined && spec !== None) pkg = ops.getAttr(spec, "parent");
    else {
      const n = globals.getStr("__name__");
      if (n === undefined) throw newException(KeyErrorType, ["'__name__' not in globals"]);
      pkg = ops.pyStr(n);
      if (globals.getStr("__path__") === undefined) pkg = (pkg as string).slice(0, Math.max(0, (pkg as string).lastIndexOf(".")));
    }
  } else if (typeof pkg !== "string") throw typeError("package must be a string");
  const p = pkg as string;
  if (p === "") throw newException(ImportErrorType, "attempted relative import with no known parent package");
  const bits = p.split(".");
  if (bits.length < level) throw newException(ImportErrorType, "attempted relative import beyond top-level package");
  const base = bits.slice(0, bits.length - (level - 1)).join(".");
  return name ? `${base}.${name}` : base;
}

function handleFromlist(module: PyObject, fromlist: PyObject[], recursive = false): void {
  for (const x of fromlist) {
    if (typeof x !== "string") {
      const where = recursive ? `${ops.str(ops.getAttr(module, "__name__"))}.__all__` : "``from list''";
      throw typeError(`Item in ${where} must be str, not ${typeOf(x).name}`);
    }
    if (x === "*") {
      if (!recursive) {
        const all = ops.getAttrOpt(module, "__all__");
        if (all !== undefined) handleFromlist(module, ops.toArray(all), true);
      }
      continue;
    }
    if (ops.getAttrOpt(module, x) === undefined) {
      const fromName = `${ops.str(ops.getAttr(module, "__name__"))}.${x}`;
      try {
        importAbsolute(fromName);
      } catch (e) {
        if (e instanceof PyBaseException && isinstance(e, ModuleNotFoundErrorType)) {
          const n = e.dict!.getStr("name");
          if (n === fromName && sysModules().getStr(fromName) === undefined) continue;
        }
        throw e;
      }
    }
  }
}

/** IMPORT_NAME / __import__ */
export function importName(name: string, globals: PyDict, _locals: PyObject, fromlistObj: PyObject, level: number): PyObject {
  if (level < 0) throw valueError("level must be >= 0");
  const absName = level > 0 ? resolveName(name, globals, level) : name;
  if (level === 0 && name === "") throw valueError("Empty module name");
  const module = importAbsolute(absName);
  const fromlist = fromlistObj === None ? [] : ops.toArray(fromlistObj);
  if (fromlist.length === 0) {
    if (level === 0) {
      const top = name.split(".")[0];
      return top === name ? module : sysModules().getStr(top) ?? importAbsolute(top);
    }
    if (name === "") return module;
    const cut = name.length - name.split(".")[0].length;
    const modName = ops.pyStr(ops.getAttr(module, "__name__"));
    return sysModules().getStr(modName.slice(0, modName.length - cut)) ?? module;
  }
  if (ops.getAttrOpt(module, "__path__") !== undefined) handleFromlist(module, fromlist);
  return module;
}

/** IMPORT_FROM */
export function importFrom(module: PyObject, name: string): PyObject {
  const v = ops.getAttrOpt(module, name);
  if (v !== undefined) return v;
  const modName = ops.getAttrOpt(module, "__name__");
  if (typeof modName === "string") {
    const sub = sysModules().getStr(`${modName}.${name}`);
    if (sub !== undefined) return sub;
  }
  const mn = typeof modName === "string" ? modName : "<unknown module name>";
  const spec = ops.getAttrOpt(module, "__spec__");
  const initializing = spec !== undefined && spec !== None && ops.truthy(ops.getAttrOpt(spec, "_initializing") ?? false);
  const file = ops.getAttrOpt(module, "__file__");
  const loc = typeof file === "string" ? ` (${file})` : " (unknown location)";
  let msg: string;
  if (initializing) msg = `cannot import name '${name}' from partially initialized module '${mn}' (most likely due to a circular import)${loc}`;
  else msg = `cannot import name '${name}' from '${mn}'${loc}`;
  const e = newException(ImportErrorType, msg);
  e.dict!.setStr("msg", msg);
  e.dict!.setStr("name", mn);
  e.dict!.setStr("path", typeof file === "string" ? file : None);
  void AttributeErrorType;
  return ((): never => {
    throw e;
  })();
}

/** `from m import *` */
export function importStar(module: PyObject, locals: PyObject): void {
  const all = ops.getAttrOpt(module, "__all__");
  let names: PyObject[];
  let skipPrivate = false;
  if (all === undefined) {
    const d = ops.getAttr(module, "__dict__");
    names = ops.toArray(ops.callMethod(d, "keys", []));
    skipPrivate = true;
  } else names = ops.toArray(all);
  for (const n of names) {
    const s = ops.pyStr(n);
    if (skipPrivate && s.startsWith("_")) continue;
    const v = ops.getAttr(module, s);
    if (locals instanceof PyDict) locals.setStr(s, v);
    else ops.setItem(locals, s, v);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Setup and the _imp / importlib glue

export function initImportSystem(path: string[]): void {
  const sys = sysModule();
  const modules = sysModules();
  modules.setStr("builtins", builtinsModule());
  const bm = builtinsModule();
  bm.dict.setStr("__spec__", newSpec("builtins", new PyLoader(LoaderKind.Builtin, "builtins", ""), "built-in", None, false));
  sys.dict.setStr("__spec__", newSpec("sys", new PyLoader(LoaderKind.Builtin, "sys", ""), "built-in", None, false));
  const mp = sys.dict.getStr("meta_path") as PyList;
  mp.items.push(builtinFinder, frozenFinder, pathFinder);
  const sp = sys.dict.getStr("path") as PyList;
  for (const p of path) sp.items.push(p);
  interp.importName = importName;
  interp.importFrom = importFrom;
  interp.importStar = importStar;
  reduceHooks.importModule = (n) => importAbsolute(n);
}

/** Imports a module by name and returns it (for TS callers). */
export function importModule(name: string): PyObject {
  return importAbsolute(name);
}

registerNativeModule("_imp", () =>
  makeModule("_imp", {
    is_builtin: (args) => (nativeModuleFactory(ops.pyStr(args[0])) !== undefined ? 1 : 0),
    // A packaged program's archive modules are not frozen in CPython's sense (_imp's built-in frozen table, whose
    // modules importlib._bootstrap._setup fixes up with FrozenImporter); PyInstaller's are not either.
    is_frozen: () => false,
    lock_held: () => false,
    acquire_lock: () => None,
    release_lock: () => None,
    extension_suffixes: () => new PyList([]),
    _fix_co_filename: () => None,
    find_frozen: () => None,
    create_builtin: (args) => {
      const name = ops.pyStr(ops.getAttr(args[0], "name"));
      const f = nativeModuleFactory(name);
      if (f === undefined) throw newException(ImportErrorType, `no built-in module named ${name}`);
      return f();
    },
    exec_builtin: () => 0,
    source_hash: () => new PyBytes(new Uint8Array(8)),
    check_hash_based_pycs: "never",
  }),
);

/** importlib-facing helpers real code calls (importlib.import_module works through __import__; util.find_spec needs this). */
export function findSpecPublic(name: string): PyObject {
  const modules = sysModules();
  const m = modules.getStr(name);
  if (m !== undefined && m !== None) {
    const s = ops.getAttrOpt(m, "__spec__");
    return s ?? None;
  }
  const dot = name.lastIndexOf(".");
  let path: PyObject = None;
  if (dot >= 0) {
    const parent = importAbsolute(name.slice(0, dot));
    path = ops.getAttrOpt(parent, "__path__") ?? None;
  }
  return findSpec(name, path) ?? None;
}
export { PyCode, ModuleType };
