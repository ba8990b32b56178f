// The sys module: interpreter state (argv, path, modules, recursion limit, exc_info, stdio, flags, version info...).
import * as os from "node:os";
import {
  makeBuiltinType,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  PyTuple,
  PyType,
  TupleType,
  None,
  PyFloat,
  newException,
  SystemExitType,
  typeError,
  valueError,
  PyBase,
  PyBaseException,
  typeOf,
  PyStrObj,
  isInt,
  intValue,
  EMPTY_TUPLE,
  ObjectType,
  NotImplemented,
} from "../core";
import * as ops from "../ops";
import { defGetSet, makeModule, arity, parseArgs } from "../define";
import { interp, ts, Frame } from "../interpreter";
import { registerNativeModule, nativeModuleNames } from "./registry";
import { bindSys, stdin, stdout, stderr } from "./stdio";
import { getIntMaxStrDigits, setIntMaxStrDigits } from "../numeric/intStr";

/** A struct sequence type (sys.version_info, sys.flags...): a tuple subclass with named fields. */
export function makeStructSeq(qualname: string, module: string, fields: string[]): PyType {
  const t = makeBuiltinType(qualname.split(".").pop()!, TupleType, { subclassable: false });
  t.dict.setStr("__module__", module);
  fields.forEach((f, i) => defGetSet(t, f, (self) => (self as PyTuple).items[i]));
  t.slots.repr = (self) => {
    const it = (self as PyTuple).items;
    return `${qualname}(${fields.map((f, i) => `${f}=${ops.repr(it[i])}`).join(", ")})`;
  };
  t.dict.setStr("n_fields", fields.length);
  t.dict.setStr("n_sequence_fields", fields.length);
  t.dict.setStr("_fields", new PyTuple(fields.slice()));
  return t;
}
export function structSeq(t: PyType, values: PyObject[]): PyTuple {
  return new PyTuple(values, t);
}

export const sysState = {
  argv: [] as string[],
  origArgv: [] as string[],
  executable: process.execPath,
  flags: { optimize: 0, dontWriteBytecode: 1, verbose: 0, isolated: 0, safePath: false, unbuffered: 0, utf8: 1 },
  trace: None as PyObject,
  profile: None as PyObject,
};

let sysMod: PyModule | null = null;
export function sysModule(): PyModule {
  if (sysMod !== null) return sysMod;
  const VersionInfo = makeStructSeq("sys.version_info", "sys", ["major", "minor", "micro", "releaselevel", "serial"]);
  const Flags = makeStructSeq("sys.flags", "sys", [
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment",
    "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
    "safe_path", "int_max_str_digits",
  ]);
  const FloatInfo = makeStructSeq("sys.float_info", "sys", ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"]);
  const IntInfo = makeStructSeq("sys.int_info", "sys", ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]);
  const HashInfo = makeStructSeq("sys.hash_info", "sys", ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"]);
  const f = sysState.flags;
  const modules = new PyDict();
  const platform = process.platform === "win32" ? "win32" : process.platform === "darwin" ? "darwin" : process.platform;
  const m = makeModule("sys", {
    argv: new PyList(sysState.argv.slice()),
    orig_argv: new PyList(sysState.origArgv.slice()),
    executable: sysState.executable,
    _base_executable: sysState.executable,
    platform,
    byteorder: os.endianness() === "LE" ? "little" : "big",
    version: "3.12.7 (main, pypack) [pypack VM on Node.js " + process.versions.node + "]",
    version_info: structSeq(VersionInfo, [3, 12, 7, "final", 0]),
    hexversion: 0x030c07f0,
    api_version: 1013,
    implementation: makeImplementation(VersionInfo),
    flags: structSeq(Flags, [0, 0, 0, f.optimize, f.dontWriteBytecode, 1, 0, 0, f.verbose, 0, 0, 1, f.isolated, false, f.utf8, 0, f.safePath, -1]),
    float_info: structSeq(FloatInfo, [
      new PyFloat(Number.MAX_VALUE), 1024, 308, new PyFloat(2.2250738585072014e-308), -1021, -307, 15, 53, new PyFloat(Number.EPSILON), 2, 1,
    ]),
    int_info: structSeq(IntInfo, [30, 4, 4300, 640]),
    hash_info: structSeq(HashInfo, [64, 2305843009213693951n, 314159, 0, 1000003, "siphash13", 64, 128, 0]),
    float_repr_style: "short",
    maxsize: 9223372036854775807n,
    maxunicode: 0x10ffff,
    modules,
    path: new PyList([]),
    meta_path: new PyList([]),
    path_hooks: new PyList([]),
    path_importer_cache: new PyDict(),
    builtin_module_names: new PyTuple(nativeModuleNames().sort()),
    stdlib_module_names: new PyTuple([]),
    prefix: "/usr/local",
    exec_prefix: "/usr/local",
    base_prefix: "/usr/local",
    base_exec_prefix: "/usr/local",
    platlibdir: "lib",
    pycache_prefix: None,
    dont_write_bytecode: true,
    abiflags: "",
    copyright: "Copyright (c) 2001-2024 Python Software Foundation.\nAll Rights Reserved.",
    warnoptions: new PyList([]),
    _xoptions: new PyDict(),
    _git: new PyTuple(["pypack", "", ""]),
    _framework: "",
    stdin,
    stdout,
    stderr,
    __stdin__: stdin,
    __stdout__: stdout,
    __stderr__: stderr,
    ps1: ">>> ",
    ps2: "... ",
    getrecursionlimit: (args, kw) => (arity("getrecursionlimit", args, kw, 0), interp.recursionLimit),
    setrecursionlimit: (args, kw) => {
      arity("setrecursionlimit", args, kw, 1);
      if (!isInt(args[0])) throw typeError("'" + typeOf(args[0]).name + "' object cannot be interpreted as an integer");
      const n = Number(intValue(args[0]));
      if (n < 1) throw valueError("recursion limit must be greater or equal than 1");
      if (n <= ts.depth) {
        throw newException(excTypesGet("RecursionError"), `cannot set the recursion limit to ${n} at the recursion depth ${ts.depth}: the limit is too low`);
      }
      interp.recursionLimit = n;
      return None;
    },
    exc_info: () => {
      const e = ts.handled;
      if (e === None || !(e instanceof PyBaseException)) return new PyTuple([None, None, None]);
      return new PyTuple([typeOf(e), e, e.traceback ?? None]);
    },
    exception: () => ts.handled,
    exit: (args, kw) => {
      arity("exit", args, kw, 0, 1);
      throw ops.call(SystemExitType, args.length ? [args[0]] : []);
    },
    intern: (args, kw) => {
      arity("intern", args, kw, 1);
      if (typeof args[0] !== "string") throw typeError(`intern() argument must be str, not ${typeOf(args[0]).name}`);
      return args[0];
    },
    getsizeof: (args, kw) => {
      const [o, dflt] = parseArgs("getsizeof", args, kw, ["object", "default"], 1);
      const r = ops.callSpecial(o!, "__sizeof__", []);
      if (r === undefined) {
        if (dflt !== undefined) return dflt;
        throw typeError(`Type ${typeOf(o!).name} doesn't define __sizeof__`);
      }
      return ops.intBinOp(ops.index(r), o instanceof PyBase && o.type.heap ? 16 : 0, ops.BinOp.Add);
    },
    getrefcount: () => 2,
    getdefaultencoding: () => "utf-8",
    getfilesystemencoding: () => "utf-8",
    getfilesystemencodeerrors: () => "surrogateescape",
    get_int_max_str_digits: () => getIntMaxStrDigits(),
    set_int_max_str_digits: (args, kw) => {
      const [n] = parseArgs("set_int_max_str_digits", args, kw, ["maxdigits"], 1);
      setIntMaxStrDigits(Number(ops.index(n!)));
      return None;
    },
    _getframe: (args, kw) => {
      arity("_getframe", args, kw, 0, 1);
      let depth = args.length ? Number(ops.index(args[0])) : 0;
      let f: Frame | null = ts.frame;
      while (depth > 0 && f !== null) {
        f = f.back;
        depth--;
      }
      if (f === null) throw valueError("call stack is not deep enough");
      return f;
    },
    settrace: (args) => {
      sysState.trace = args[0];
      return None;
    },
    gettrace: () => sysState.trace,
    setprofile: (args) => {
      sysState.profile = args[0];
      return None;
    },
    getprofile: () => sysState.profile,
    displayhook: (args) => {
      const v = args[0];
      if (v === None) return None;
      const b = interp.builtins;
      if (b !== null) b.setStr("_", None);
      const out = ops.repr(v) + "\n";
      const so = sysMod!.dict.getStr("stdout");
      if (so !== undefined && so !== None) ops.callMethod(so, "write", [out]);
      if (b !== null) b.setStr("_", v);
      return None;
    },
    is_finalizing: () => false,
    audit: () => None,
    addaudithook: () => None,
    getswitchinterval: () => new PyFloat(0.005),
    setswitchinterval: () => None,
    getallocatedblocks: () => 0,
    _clear_type_cache: () => None,
    activate_stack_trampoline: () => None,
    call_tracing: (args) => ops.call(args[0], ops.toArray(args[1])),
    getunicodeinternedsize: () => 0,
  });
  m.dict.setStr("__displayhook__", m.dict.getStr("displayhook")!);
  interp.sysModules = () => m.dict.getStr("modules") as PyDict;
  interp.displayhook = (v) => {
    const hook = m.dict.getStr("displayhook");
    if (hook === undefined) throw runtimeErrorRef("lost sys.displayhook");
    ops.call(hook, [v]);
  };
  m.dict.setStr("__builtin__marker__", true);
  m.dict.delete("__builtin__marker__");
  modules.setStr("sys", m);
  sysMod = m;
  bindSys(() => m.dict);
  return m;
}
import { excTypes, runtimeError as runtimeErrorRef } from "../core";
function excTypesGet(n: string): PyType {
  return excTypes.get(n)!;
}

function makeImplementation(vi: PyType): PyObject {
  // types.SimpleNamespace(name='pypack', cache_tag=None, version=..., hexversion=..., _multiarch=...)
  const ns = new SimpleNS();
  ns.dict!.setStr("name", "pypack");
  ns.dict!.setStr("cache_tag", None);
  ns.dict!.setStr("version", structSeq(vi, [3, 12, 7, "final", 0]));
  ns.dict!.setStr("hexversion", 0x030c07f0);
  ns.dict!.setStr("_multiarch", `${process.arch}-${process.platform}`);
  return ns;
}
export const SimpleNamespaceType = makeBuiltinType("SimpleNamespace", ObjectType, {
  alloc: (cls) => new SimpleNS(cls),
});
SimpleNamespaceType.dict.setStr("__module__", "types");
defGetSet(SimpleNamespaceType, "__dict__", (self) => (self as PyBase).dict!);
SimpleNamespaceType.instDict = true;
export class SimpleNS extends PyBase {
  constructor(type?: PyType) {
    super(type ?? SimpleNamespaceType);
    this.dict = new PyDict();
  }
}
SimpleNamespaceType.slots.repr = (self) => {
  const d = (self as SimpleNS).dict!;
  const name = typeOf(self) === SimpleNamespaceType ? "namespace" : typeOf(self).name;
  const parts: string[] = [];
  for (const [k, v] of d.entries()) parts.push(`${ops.str(k)}=${ops.repr(v)}`);
  return `${name}(${parts.join(", ")})`;
};
import { defMethod } from "../define";
defMethod(SimpleNamespaceType, "__init__", (self, args, kw) => {
  const n = kw === null ? 0 : kw.length;
  if (args.length - n > 1) throw typeError(`SimpleNamespace expected at most 1 positional argument, got ${args.length - n}`);
  if (args.length - n === 1) {
    const src = args[0];
    if (src instanceof PyDict) for (const [k, v] of src.entries()) (self as SimpleNS).dict!.set(k, v);
    else for (const pair of ops.toArray(src)) {
      const [k, v] = ops.toArray(pair);
      (self as SimpleNS).dict!.set(k, v);
    }
  }
  for (let i = 0; i < n; i++) (self as SimpleNS).dict!.setStr(kw![i], args[args.length - n + i]);
  return None;
});
defMethod(SimpleNamespaceType, "__eq__", (self, args) => {
  const o = args[0];
  if (!(o instanceof SimpleNS)) return NotImplemented;
  return ops.eq((self as SimpleNS).dict!, o.dict!);
});
defMethod(SimpleNamespaceType, "__reduce__", (self) => new PyTuple([typeOf(self), EMPTY_TUPLE, (self as SimpleNS).dict!]));
export { PyStrObj };

registerNativeModule("sys", sysModule);
