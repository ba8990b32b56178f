// `pypack compile`: byte-compiles files and directory trees into __pycache__ like CPython's compileall module.
import * as fs from "fs";
import * as path from "path";
import { pyStrRepr } from "./codegen_unparse";
import { compileSourceWithWarnings, type CompileWarning } from "./compile";
import { formatSyntaxError, PySyntaxError } from "./errors";
import { pycIsFresh, writePyc } from "./marshal";
import { decodeSource } from "./sourceDecoding";

/** The cache tag in cache file names (CPython uses "cpython-312"). */
export const CACHE_TAG = "pypack-312";

export interface CompileAllOptions {
  /** -q count: 1 prints only errors, 2 prints nothing. */
  quiet: number;
  /** -f: recompile even when the cache is up to date. */
  force: boolean;
  /** Directory recursion depth (-l gives 0, -r N gives N). */
  maxlevels: number;
  /** Optimisation levels to compile for (-o, repeatable). */
  optimize: (0 | 1 | 2)[];
  /** Validate caches by source hash instead of mtime+size. */
  hashBased?: boolean;
}

/** `dir/__pycache__/name.pypack-312[.opt-N].pyc` for `dir/name.py`. */
export function cacheFromSource(file: string, optimize: number): string {
  const dir = path.dirname(file);
  const base = path.basename(file).replace(/\.py$/, "");
  const opt = optimize > 0 ? `.opt-${optimize}` : "";
  return path.join(dir, "__pycache__", `${base}.${CACHE_TAG}${opt}.pyc`);
}

type Out = (text: string) => void;

/** The warnings module's formatwarning(): `FILE:LINE: Category: message` and the stripped source line. */
export function formatWarning(w: CompileWarning, filename: string, source: string): string {
  const line = source.split("\n")[w.lineno - 1];
  return `${filename}:${w.lineno}: ${w.category}: ${w.msg}\n` + (line !== undefined && line.trim() !== "" ? `  ${line.trim()}\n` : "");
}

/** Compiles one file (only `.py` files; others are skipped). Returns false on a syntax error. */
export function compileFile(fullname: string, opts: CompileAllOptions, out: Out, err: Out = (t) => process.stderr.write(t)): boolean {
  if (!fullname.endsWith(".py")) return true;
  let success = true;
  let bytes: Buffer;
  let mtime: number;
  try {
    bytes = fs.readFileSync(fullname);
    mtime = fs.statSync(fullname).mtimeMs / 1000;
  } catch (e) {
    if (opts.quiet < 2) out(`*** Error reading ${pyStrRepr(fullname)}: ${(e as Error).message}\n`);
    return false;
  }
  const levels = opts.optimize.length > 0 ? opts.optimize : [0];
  const todo = levels.filter((level) => {
    if (opts.force) return true;
    try {
      return !pycIsFresh(fs.readFileSync(cacheFromSource(fullname, level)), bytes, mtime);
    } catch {
      return true;
    }
  });
  if (todo.length === 0) return true;
  if (!opts.quiet) out(`Compiling ${pyStrRepr(fullname)}...\n`);
  for (const level of todo) {
    try {
      const source = decodeSource(bytes, fullname);
      const { code, warnings } = compileSourceWithWarnings(source, fullname, "exec", { optimize: level as 0 | 1 | 2 });
      for (const w of warnings) err(formatWarning(w, fullname, source));
      const cfile = cacheFromSource(fullname, level);
      fs.mkdirSync(path.dirname(cfile), { recursive: true });
      // Write then rename, so a concurrent reader never sees a partial file.
      const tmp = `${cfile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, writePyc(code, bytes, mtime, opts.hashBased ?? false));
      fs.renameSync(tmp, cfile);
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      success = false;
      if (opts.quiet >= 2) return false;
      if (opts.quiet) out(`*** Error compiling ${pyStrRepr(fullname)}...\n`);
      else out("*** ");
      out(formatSyntaxError(e) + "\n");
      break;
    }
  }
  return success;
}

/** Compiles every `.py` file under `dir` (sorted, skipping __pycache__), recursing `maxlevels` deep. */
export function compileDir(dir: string, maxlevels: number, opts: CompileAllOptions, out: Out): boolean {
  if (!opts.quiet) out(`Listing ${pyStrRepr(dir)}...\n`);
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    if (opts.quiet < 2) out(`Can't list ${pyStrRepr(dir)}\n`);
    names = [];
  }
  let success = true;
  for (const name of names) {
    if (name === "__pycache__") continue;
    const fullname = path.join(dir, name);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(fullname);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (maxlevels > 0 && name !== "." && name !== "..") {
        if (!compileDir(fullname, maxlevels - 1, opts, out)) success = false;
      }
    } else if (!compileFile(fullname, opts, out)) {
      success = false;
    }
  }
  return success;
}

/** Entry point for the command: files are compiled, anything else is listed as a directory. Returns the exit code. */
export function compileAll(paths: readonly string[], opts: CompileAllOptions, out: Out): number {
  let success = true;
  for (const p of paths) {
    let isFile = false;
    try {
      isFile = fs.statSync(p).isFile();
    } catch {
      isFile = false;
    }
    const ok = isFile ? compileFile(p, opts, out) : compileDir(p, opts.maxlevels, opts, out);
    if (!ok) success = false;
  }
  return success ? 0 : 1;
}
