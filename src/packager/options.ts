// Build settings: the resolved form of `pypack build` options merged with [tool.pypack] from pyproject.toml, validated
// up front so that bad input fails before anything is written.
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { parse as parseToml } from "smol-toml";
import { PypackError, UsageError, oneLine } from "./errors";
import { LOG_LEVELS, type LogLevel } from "./log";
import { DEFAULT_NODE_VERSION } from "./stubs";
import { parseTargets, type Target } from "./targets";

export interface DataSpec {
  /** Absolute source path (file or directory). */
  src: string;
  /** Destination directory inside the bundle ("." = top). */
  dest: string;
}

export interface BuildSettings {
  script: string;
  mode: "onefile" | "onedir";
  name: string;
  distpath: string;
  workpath: string;
  paths: string[];
  hiddenImports: string[];
  collectSubmodules: string[];
  collectData: string[];
  collectAll: string[];
  copyMetadata: string[];
  addData: DataSpec[];
  excludeModules: string[];
  icon: string | null;
  windowed: boolean;
  clean: boolean;
  logLevel: LogLevel;
  optimize: 0 | 1 | 2;
  targets: Target[];
  nodeVersion: string;
  nodeBinary: string | null;
  includeSource: boolean;
}

/** Raw option values as commander hands them over (all optional; lists may be empty). */
export interface RawOptions {
  onefile?: boolean;
  onedir?: boolean;
  name?: string;
  distpath?: string;
  workpath?: string;
  paths?: string[];
  hiddenImport?: string[];
  collectSubmodules?: string[];
  collectData?: string[];
  collectAll?: string[];
  copyMetadata?: string[];
  addData?: string[];
  excludeModule?: string[];
  icon?: string;
  windowed?: boolean;
  console?: boolean;
  clean?: boolean;
  noconfirm?: boolean;
  logLevel?: string;
  optimize?: string;
  target?: string[];
  nodeVersion?: string;
  nodeBinary?: string;
  includeSource?: boolean;
}

/** `SRC:DEST` or `SRC;DEST` (PyInstaller accepts both); a drive letter's colon is not a separator. */
export function parseAddData(spec: string, baseDir: string): DataSpec {
  let sep = spec.lastIndexOf(";");
  if (sep < 0) {
    sep = spec.lastIndexOf(":");
    if (sep === 1 && /^[A-Za-z]:[\\/]/.test(spec)) sep = -1;
  }
  if (sep <= 0 || sep === spec.length - 1) throw new UsageError(`--add-data '${spec}': expected SRC:DEST (or SRC;DEST)`);
  const src = spec.slice(0, sep);
  const dest = spec.slice(sep + 1).replace(/\\/g, "/").replace(/^\/+|\/+$/g, "") || ".";
  if (dest.split("/").includes("..")) throw new UsageError(`--add-data '${spec}': DEST must stay inside the bundle`);
  return { src: isAbsolute(src) ? src : resolve(baseDir, src), dest };
}

type TomlTable = Record<string, unknown>;

/** Finds pyproject.toml next to the script or in a parent directory and returns its [tool.pypack] table. */
export function readPyproject(scriptDir: string): { table: TomlTable; dir: string } | null {
  let dir = scriptDir;
  for (;;) {
    const file = join(dir, "pyproject.toml");
    if (existsSync(file)) {
      let doc: TomlTable;
      try {
        doc = parseToml(readFileSync(file, "utf8")) as TomlTable;
      } catch (err) {
        throw new UsageError(`${file}: ${oneLine(err)}`);
      }
      const tool = doc.tool as TomlTable | undefined;
      const table = tool?.pypack as TomlTable | undefined;
      return table ? { table, dir } : null;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Keys allowed in [tool.pypack] (the long option names) and their kinds. */
const TOML_KEYS: Record<string, "string" | "bool" | "list" | "int"> = {
  onefile: "bool", onedir: "bool", name: "string", distpath: "string", workpath: "string", paths: "list",
  "hidden-import": "list", "collect-submodules": "list", "collect-data": "list", "collect-all": "list",
  "copy-metadata": "list", "add-data": "list", "exclude-module": "list", icon: "string", windowed: "bool",
  console: "bool", clean: "bool", "log-level": "string", optimize: "int", target: "list", "node-version": "string",
  "node-binary": "string", "include-source": "bool",
};

function camel(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Converts [tool.pypack] into RawOptions, checking every value's type. */
export function tomlToRaw(table: TomlTable, file: string): RawOptions {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    const kind = TOML_KEYS[key];
    if (!kind) throw new UsageError(`${file}: unknown key '${key}' in [tool.pypack]`);
    const bad = () => new UsageError(`${file}: [tool.pypack] ${key} must be ${kind === "list" ? "a string or a list of strings" : `a ${kind === "bool" ? "boolean" : kind}`}`);
    if (kind === "bool" && typeof value !== "boolean") throw bad();
    if (kind === "string" && typeof value !== "string") throw bad();
    if (kind === "int" && !(typeof value === "number" || typeof value === "bigint")) throw bad();
    if (kind === "list") {
      const list = typeof value === "string" ? [value] : value;
      if (!Array.isArray(list) || !list.every((v) => typeof v === "string")) throw bad();
      raw[camel(key)] = list;
      continue;
    }
    raw[camel(key)] = kind === "int" ? String(value) : value;
  }
  return raw as RawOptions;
}

function mergeRaw(file: RawOptions, cli: RawOptions): RawOptions {
  const out: Record<string, unknown> = { ...file };
  for (const [k, v] of Object.entries(cli)) {
    if (v === undefined) continue;
    // Lists accumulate (config first, then the command line); scalars from the command line win.
    if (Array.isArray(v)) out[k] = [...((out[k] as unknown[] | undefined) ?? []), ...v];
    else out[k] = v;
  }
  return out as RawOptions;
}

function checkReadable(path: string, what: string): void {
  try {
    accessSync(path, constants.R_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PypackError(`${what} '${path}' ${code === "ENOENT" ? "does not exist" : "is not readable"}`);
  }
}

function moduleName(value: string, option: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(value)) throw new UsageError(`${option}: '${value}' is not a module name`);
  return value;
}

/** Validates and resolves everything; `cwd` anchors relative paths given on the command line. */
export function resolveSettings(scriptArg: string, cli: RawOptions, cwd = process.cwd()): BuildSettings {
  const script = resolve(cwd, scriptArg);
  checkReadable(script, "script");
  if (!statSync(script).isFile()) throw new PypackError(`script '${script}' is not a file`);
  const py = readPyproject(dirname(script));
  const fileRaw = py ? tomlToRaw(py.table, join(py.dir, "pyproject.toml")) : {};
  const fileDir = py?.dir ?? cwd;
  // Paths from pyproject.toml are relative to its directory, those from the command line to cwd.
  const rel = (v: string | undefined, fromCli: boolean) => (v === undefined ? undefined : resolve(fromCli ? cwd : fileDir, v));
  const raw = mergeRaw(fileRaw, cli);
  if (raw.onefile && raw.onedir && cli.onefile && cli.onedir) throw new UsageError("--onefile and --onedir exclude each other");
  const mode = cli.onedir ? "onedir" : cli.onefile ? "onefile" : raw.onedir ? "onedir" : "onefile";
  const name = raw.name ?? basename(script, extname(script));
  if (!name || /[\\/]/.test(name) || name === "." || name === "..") throw new UsageError(`--name '${name}' is not a valid file name`);
  const logLevel = (raw.logLevel ?? "INFO").toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level '${raw.logLevel}': choose from ${LOG_LEVELS.join(", ")}`);
  const optimize = raw.optimize ?? "0";
  if (!["0", "1", "2"].includes(optimize)) throw new UsageError(`--optimize '${optimize}': choose 0, 1 or 2`);
  const windowed = cli.windowed ?? (cli.console ? false : (raw.windowed ?? (raw.console === undefined ? false : !raw.console)));
  const listFrom = (cliList: string[] | undefined, fileList: string[] | undefined) => [
    ...(fileList ?? []).map((p) => resolve(fileDir, p)),
    ...(cliList ?? []).map((p) => resolve(cwd, p)),
  ];
  const addData = [
    ...(fileRaw.addData ?? []).map((s) => parseAddData(s, fileDir)),
    ...(cli.addData ?? []).map((s) => parseAddData(s, cwd)),
  ];
  for (const d of addData) checkReadable(d.src, "--add-data source");
  const icon = cli.icon !== undefined ? rel(cli.icon, true)! : (rel(fileRaw.icon, false) ?? null);
  if (icon) checkReadable(icon, "--icon");
  const nodeBinary = cli.nodeBinary !== undefined ? rel(cli.nodeBinary, true)! : (rel(fileRaw.nodeBinary, false) ?? null);
  if (nodeBinary) checkReadable(nodeBinary, "--node-binary");
  const nodeVersion = (raw.nodeVersion ?? DEFAULT_NODE_VERSION).replace(/^v/, "");
  if (!/^\d+\.\d+\.\d+$/.test(nodeVersion)) throw new UsageError(`--node-version '${raw.nodeVersion}': expected MAJOR.MINOR.PATCH`);
  return {
    script,
    mode,
    name,
    distpath: cli.distpath !== undefined ? resolve(cwd, cli.distpath) : resolve(fileDir, fileRaw.distpath ?? "dist"),
    workpath: cli.workpath !== undefined ? resolve(cwd, cli.workpath) : resolve(fileDir, fileRaw.workpath ?? "build"),
    paths: listFrom(cli.paths, fileRaw.paths),
    hiddenImports: (raw.hiddenImport ?? []).map((m) => moduleName(m, "--hidden-import")),
    collectSubmodules: (raw.collectSubmodules ?? []).map((m) => moduleName(m, "--collect-submodules")),
    collectData: (raw.collectData ?? []).map((m) => moduleName(m, "--collect-data")),
    collectAll: (raw.collectAll ?? []).map((m) => moduleName(m, "--collect-all")),
    copyMetadata: raw.copyMetadata ?? [],
    addData,
    excludeModules: (raw.excludeModule ?? []).map((m) => moduleName(m, "--exclude-module")),
    icon,
    windowed,
    clean: raw.clean ?? false,
    logLevel: logLevel as LogLevel,
    optimize: Number(optimize) as 0 | 1 | 2,
    targets: parseTargets(raw.target && raw.target.length > 0 ? raw.target : ["host"]),
    nodeVersion,
    nodeBinary,
    includeSource: raw.includeSource ?? false,
  };
}
