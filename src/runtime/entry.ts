// Entry points of the VM: runMain() runs a program as `python3 script.py` / `-c` / `-m` would (sys setup, __main__,
// uncaught exception printing, SystemExit codes, atexit, flushing) and returns the exit code.
import { initHashSeed } from "./numeric/hash";
import * as fs from "node:fs";
import * as nodePath from "node:path";
import "./objects/index";
import "./modules/index";
import { finaliseBuiltinTypes } from "./objects/index";
import {
  None,
  PyBaseException,
  PyDict,
  PyModule,
  PyObject,
  PyBytes,
  PyByteArray,
  newModule,
  isinstance,
  SystemExitType,
  KeyboardInterruptType,
  isInt,
  intValue,
  typeOf,
  typeError,
  isStr,
  strValue,
  PyCode,
} from "./core";
import * as ops from "./ops";
import { execCode, pyCodeOf, toPyException, ts } from "./interpreter";
import { sysModule, sysState } from "./modules/sys";
import { builtinsModule, evalHooks } from "./modules/builtins";
import { stdio, stderr } from "./modules/stdio";
import { runExitHandlers } from "./modules/atexit";
import { compileHooks, compileOrRaise, findSpecPublic, initImportSystem, readSourceFile, stdlibZipPath, syntaxErrorFrom, frozenModules } from "./import";
import { formatException } from "./traceback";
import { decodeSource } from "../compiler/sourceDecoding";
import { PySyntaxError } from "../compiler/errors";
import type { CodeObject } from "../compiler/code";
import type { Mod } from "../compiler/ast";
import { compileAst } from "../compiler/compile";
import { serializeCode, deserializeCode } from "../compiler/marshal";
import { createHash } from "node:crypto";
import * as os from "node:os";
import { parse } from "../compiler/parser";
import { toPyAst, fromPyAst, isAstObject } from "./modules/_ast";

export type MainSpec = { kind: "file"; path: string } | { kind: "code"; code: string } | { kind: "module"; name: string } | { kind: "frozen"; name: string };

export interface RunOptions {
  /** sys.argv (argv[0] is the script path, "-c" or the module's file) */
  argv: string[];
  main: MainSpec;
  optimize?: 0 | 1 | 2;
  unbuffered?: boolean;
  isolated?: boolean;
  /** extra sys.path entries placed before the stdlib (PYTHONPATH-like) */
  extraPath?: string[];
  /** modules frozen into a packaged executable: name -> {code or source, filename, isPackage} */
  frozen?: Map<string, { code?: CodeObject; source?: string; filename: string; isPackage: boolean }>;
  /** path of the stdlib zip; default: node_modules/pyodide/python_stdlib.zip */
  stdlibZip?: string | null;
  /** sys.executable */
  executable?: string;
}

/** Prints an uncaught exception via sys.excepthook (or the default formatter). */
export function printException(e: PyBaseException): void {
  const sys = sysModule();
  const hook = sys.dict.getStr("excepthook");
  if (hook !== undefined && !(hook instanceof Object && (hook as { name?: string }).name === "excepthook" && (hook as { module?: string }).module === "sys")) {
    try {
      ops.call(hook, [typeOf(e), e, e.traceback ?? None]);
      return;
    } catch (e2) {
      const pe = toPyException(e2);
      stdio.writeTo(stdio.sysAttr("stderr"), "Error in sys.excepthook:\n" + formatException(pe) + "\nOriginal exception was:\n");
    }
  }
  writeErr(formatException(e));
}

function writeErr(s: string): void {
  const err = stdio.sysAttr("stderr");
  try {
    if (err === None) return;
    stdio.writeTo(err, s);
    ops.callMethod(err, "flush", []);
  } catch {
    stderr.write(s);
    stderr.flush();
  }
}

/** Exit status for SystemExit(code), printing a non-integer code as CPython does. */
function systemExitCode(e: PyBaseException): number {
  const code = e.dict!.getStr("code") ?? (e.args.items.length ? e.args.items[0] : None);
  if (code === None) return 0;
  if (isInt(code)) {
    const v = Number(intValue(code));
    return ((v % 256) + 256) % 256;
  }
  writeErr(ops.str(code) + "\n");
  return 1;
}

function installCompileHook(): void {
  evalHooks.compile = (source, filename, mode, flags) => {
    let text: string;
    if (isStr(source)) text = strValue(source);
    else if (source instanceof PyBytes || source instanceof PyByteArray) {
      const data = source instanceof PyBytes ? source.data : source.data.subarray(0, source.length);
      text = decodeSource(data, filename);
    } else if (source instanceof PyCode) return source;
    else if (isAstObject(source)) {
      if (flags & 0x400) return source;
      const tree = fromPyAst(source) as Mod;
      try {
        return pyCodeOf(compileAst(tree, filename, mode === "func_type" ? "eval" : (mode as "exec" | "eval" | "single"), { optimize: compileHooks.optimize, flags }));
      } catch (e) {
        if (e instanceof PySyntaxError) throw syntaxErrorFrom(e);
        throw e;
      }
    } else throw typeError("compile() arg 1 must be a string, bytes or AST object");
    if (flags & 0x400) {
      try {
        return toPyAst(parse(text, filename, mode as "exec" | "eval" | "single" | "func_type"));
      } catch (e) {
        if (e instanceof PySyntaxError) throw syntaxErrorFrom(e);
        throw e;
      }
    }
    if (text.includes("\0")) throw ops.call(ops.BaseExceptionType, []) as PyBaseException;
    const co = compileOrRaise(text, filename, mode === "func_type" ? "eval" : (mode as "exec" | "eval" | "single"), flags);
    return pyCodeOf(co);
  };
}

/**
 * Persistent compile cache for imported modules: ~/.cache/pypack/bytecode/<sha256(bundle identity, optimize, path,
 * source)>.bin, in the compiler's serialised form. Any failure just falls back to compiling.
 */
function installCompileCache(): void {
  if (process.env.PYPACK_NO_CACHE) return;
  const base = process.env.XDG_CACHE_HOME ? nodePath.join(process.env.XDG_CACHE_HOME, "pypack") : nodePath.join(os.homedir(), ".cache", "pypack");
  const dir = nodePath.join(base, "bytecode");
  let identity = "pypack";
  try {
    const st = fs.statSync(__filename);
    identity = `${__filename}:${st.size}:${st.mtimeMs}`;
  } catch {
    /* bundled without a file: the content hash still keys correctness */
  }
  const keyOf = (path: string, source: string): string =>
    createHash("sha256").update(identity).update("\0").update(String(compileHooks.optimize)).update("\0").update(path).update("\0").update(source).digest("hex");
  compileHooks.load = (path, source) => {
    try {
      return deserializeCode(new Uint8Array(fs.readFileSync(nodePath.join(dir, keyOf(path, source) + ".bin"))));
    } catch {
      return null;
    }
  };
  compileHooks.store = (path, source, code) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const file = nodePath.join(dir, keyOf(path, source) + ".bin");
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, serializeCode(code));
      fs.renameSync(tmp, file);
    } catch {
      /* a read-only or missing cache directory only costs compile time */
    }
  };
}

let initialised = false;
/** Sets up sys, builtins and the import system once per process. */
/** Keys str/bytes hashing from PYTHONHASHSEED as CPython does; a bad value is fatal, with CPython's message. */
function installHashSeed(): void {
  try {
    initHashSeed(process.env.PYTHONHASHSEED);
  } catch (e) {
    process.stderr.write(`Fatal Python error: config_init_hash_seed: ${(e as Error).message}\nPython runtime state: preinitialized\n`);
    process.exit(1);
  }
}

export function initRuntime(opts: RunOptions): void {
  if (initialised) return;
  initialised = true;
  installHashSeed();
  finaliseBuiltinTypes();
  sysState.argv = opts.argv.slice();
  sysState.origArgv = process.argv.slice();
  if (opts.executable) sysState.executable = opts.executable;
  sysState.flags.optimize = opts.optimize ?? 0;
  compileHooks.optimize = opts.optimize ?? 0;
  installCompileCache();
  const sys = sysModule();
  builtinsModule();
  const path: string[] = [];
  if (opts.main.kind === "file") path.push(nodePath.dirname(nodePath.resolve(opts.main.path)));
  else if (opts.main.kind !== "frozen") path.push(process.cwd());
  if (!opts.isolated) {
    const pp = process.env.PYTHONPATH;
    if (pp) for (const p of pp.split(nodePath.delimiter)) if (p) path.push(nodePath.resolve(p));
  }
  for (const p of opts.extraPath ?? []) path.push(p);
  const zip = opts.stdlibZip === undefined ? stdlibZipPath() : opts.stdlibZip;
  if (zip !== null) path.push(zip);
  if (opts.frozen) for (const [k, v] of opts.frozen) frozenModules.set(k, v);
  initImportSystem(path);
  sys.dict.setStr("excepthook", sysExcepthook());
  sys.dict.setStr("__excepthook__", sys.dict.getStr("excepthook")!);
  installCompileHook();
}

import { builtinFunction } from "./define";
function sysExcepthook(): PyObject {
  const f = builtinFunction(
    "excepthook",
    (args) => {
      const e = args[1];
      if (e instanceof PyBaseException) writeErr(formatException(e));
      else writeErr(`${ops.str(args[0])}: ${ops.str(e)}\n`);
      return None;
    },
    "sys",
  );
  return f;
}

function mainModule(): PyModule {
  const m = newModule("__main__");
  m.dict.setStr("__builtins__", builtinsModule());
  m.dict.setStr("__doc__", None);
  m.dict.setStr("__package__", None);
  m.dict.setStr("__loader__", None);
  m.dict.setStr("__spec__", None);
  m.dict.setStr("__annotations__", new PyDict());
  m.dict.delete("__annotations__");
  const modules = sysModule().dict.getStr("modules") as PyDict;
  modules.setStr("__main__", m);
  return m;
}

/** Runs the main program; returns the exit status. */
export function runMainSync(opts: RunOptions): number {
  initRuntime(opts);
  let status = 0;
  try {
    const m = mainModule();
    let code: CodeObject;
    if (opts.main.kind === "file") {
      const p = opts.main.path;
      let data: Uint8Array;
      try {
        data = new Uint8Array(fs.readFileSync(p));
      } catch (e) {
        const err = e as { code?: string; errno?: number };
        const errno = err.code === "ENOENT" ? 2 : err.code === "EACCES" ? 13 : err.code === "EISDIR" ? 21 : 5;
        const text = err.code === "ENOENT" ? "No such file or directory" : err.code === "EACCES" ? "Permission denied" : err.code === "EISDIR" ? "Is a directory" : String(e);
        writeErr(`${process.argv0 === "node" ? "pypack" : "python3"}: can't open file ${ops.repr(nodePath.resolve(p))}: [Errno ${errno}] ${text}\n`);
        return 2;
      }
      m.dict.setStr("__file__", p);
      m.dict.setStr("__cached__", None);
      const src = decodeSource(data, p);
      code = compileMain(src, p);
    } else if (opts.main.kind === "frozen") {
      // A packaged executable: __main__'s code comes from the archive (see src/runtime/bootstrap.ts).
      const fm = frozenModules.get(opts.main.name);
      if (fm === undefined || fm.code === undefined) {
        writeErr(`${sysState.executable}: No frozen module named ${opts.main.name}\n`);
        return 1;
      }
      m.dict.setStr("__file__", fm.filename);
      m.dict.setStr("__cached__", None);
      code = fm.code;
    } else if (opts.main.kind === "code") {
      code = compileMain(opts.main.code, "<string>");
    } else {
      const name = opts.main.name;
      let spec = findSpecPublic(name);
      if (spec === None) {
        writeErr(`${sysState.executable}: No module named ${name}\n`);
        return 1;
      }
      const locs = ops.getAttrOpt(spec, "submodule_search_locations");
      if (locs !== undefined && locs !== None) spec = findSpecPublic(`${name}.__main__`);
      const origin = ops.getAttr(spec, "origin");
      const file = ops.pyStr(origin);
      const src = readSourceFile(file);
      if (src === null) {
        writeErr(`${sysState.executable}: No module named ${name}\n`);
        return 1;
      }
      m.dict.setStr("__file__", file);
      m.dict.setStr("__spec__", spec);
      m.dict.setStr("__loader__", ops.getAttr(spec, "loader"));
      const parent = ops.getAttr(spec, "parent");
      m.dict.setStr("__package__", parent);
      const argv = sysModule().dict.getStr("argv");
      if (argv !== undefined) ops.setItem(argv, 0, file);
      code = compileMain(src, file);
    }
    execCode(pyCodeOf(code), m.dict, m.dict);
  } catch (e) {
    status = handleUncaught(e);
  }
  status = finish(status);
  return status;
}

function compileMain(src: string, filename: string): CodeObject {
  try {
    return compileOrRaise(src, filename, "exec");
  } catch (e) {
    if (e instanceof PySyntaxError) throw syntaxErrorFrom(e);
    throw e;
  }
}

function handleUncaught(e: unknown): number {
  const pe = toPyException(e);
  ts.frame = null;
  ts.depth = 0;
  if (isinstance(pe, SystemExitType)) return systemExitCode(pe);
  printException(pe);
  if (isinstance(pe, KeyboardInterruptType)) return 130;
  return 1;
}

function finish(status: number): number {
  try {
    runExitHandlers((e, fn) => {
      if (isinstance(e, SystemExitType)) {
        status = systemExitCode(e);
        return;
      }
      writeErr(`Exception ignored in atexit callback: ${ops.repr(fn)}\n`);
      writeErr(formatException(e));
    });
  } catch (e) {
    status = handleUncaught(e);
  }
  try {
    stdio.flushAll();
  } catch (e) {
    const pe = toPyException(e);
    if (typeOf(pe).name === "BrokenPipeError") return 120;
  }
  return status;
}

/** Async wrapper (the VM may later yield to the event loop between slices). */
export async function runMain(opts: RunOptions): Promise<number> {
  return runMainSync(opts);
}
export { None };
