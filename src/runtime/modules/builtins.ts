// The builtins module: every builtin function of Python 3.12 and the builtin types/exceptions/constants.
import {
  BoolType,
  ByteArrayType,
  BytesType,
  ClassMethodType,
  ComplexType,
  DictType,
  Ellipsis,
  FloatType,
  IntType,
  ListType,
  None,
  NotImplemented,
  ObjectType,
  PropertyType,
  PyBase,
  PyBaseException,
  PyCell,
  PyDict,
  PyFloat,
  PyFunction,
  PyList,
  PyModule,
  PyObject,
  PyStrObj,
  PyTuple,
  PyType,
  SliceType,
  StaticMethodType,
  StrType,
  TupleType,
  TypeType,
  excTypes,
  intValue,
  isInt,
  isStr,
  strValue,
  typeError,
  typeOf,
  valueError,
  newException,
  StopIterationType,
  EOFErrorType,
  makeBuiltinType,
  PyCode,
  attributeError,
  PyBytes,
  PyByteArray,
  runtimeError,
  overflowError,
} from "../core";
import * as ops from "../ops";
import { BinOp, Cmp } from "../ops";
import { builtinFunction, makeModule, parseArgs, arity, splitKw, defGetSet } from "../define";
import { PyMethodDescr } from "../core";
import { buildClass } from "../objects/type";
import { formatValue } from "../objects/str";
import { sortItems } from "../objects/list";
import { SetType, FrozenSetType } from "../objects/set";
import { RangeType } from "../objects/range";
import { MemoryViewType } from "../objects/memoryview";
import { EnumerateType, ZipType, MapType, FilterType, ReversedType, CallableIter } from "../objects/iterators";
import { Frame, interp, ts, execCode, getAwaitable, PyGenerator, GeneratorType, genResume, newStopIteration } from "../interpreter";
import { frameLocals } from "../objects/frame";
import { intToFloat } from "../intmath";
import { floatRound } from "../numeric/floatOps";
import { registerNativeModule } from "./registry";
import { stdio, PyTextStream, TextIOType } from "./stdio";

const fns: Record<string, (args: PyObject[], kw: readonly string[] | null) => PyObject> = {};

fns.abs = (args, kw) => {
  arity("abs", args, kw, 1);
  const x = args[0];
  if (typeof x === "number") return Math.abs(x);
  const r = ops.callSpecial(x, "__abs__", []);
  if (r === undefined) throw typeError(`bad operand type for abs(): '${typeOf(x).name}'`);
  return r;
};
fns.all = (args, kw) => {
  arity("all", args, kw, 1);
  let r = true;
  ops.iterate(args[0], (v) => {
    if (!ops.truthy(v)) {
      r = false;
      return false;
    }
    return true;
  });
  return r;
};
fns.any = (args, kw) => {
  arity("any", args, kw, 1);
  let r = false;
  ops.iterate(args[0], (v) => {
    if (ops.truthy(v)) {
      r = true;
      return false;
    }
    return true;
  });
  return r;
};
fns.ascii = (args, kw) => {
  arity("ascii", args, kw, 1);
  let out = "";
  for (const ch of ops.repr(args[0])) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c <= 0xff) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out;
};
function radix(x: PyObject, base: number, prefix: string): string {
  const v = ops.index(x);
  const neg = v < 0;
  const a = neg ? (typeof v === "bigint" ? -v : -v) : v;
  return (neg ? "-" : "") + prefix + a.toString(base);
}
fns.bin = (args, kw) => (arity("bin", args, kw, 1), radix(args[0], 2, "0b"));
fns.oct = (args, kw) => (arity("oct", args, kw, 1), radix(args[0], 8, "0o"));
fns.hex = (args, kw) => (arity("hex", args, kw, 1), radix(args[0], 16, "0x"));
fns.callable = (args, kw) => (arity("callable", args, kw, 1), ops.isCallable(args[0]));
fns.chr = (args, kw) => {
  arity("chr", args, kw, 1);
  if (!isInt(args[0])) throw typeError(`'${typeOf(args[0]).name}' object cannot be interpreted as an integer`);
  const v = intValue(args[0]);
  if (v < 0 || v > 0x10ffff) throw valueError("chr() arg not in range(0x110000)");
  return String.fromCodePoint(Number(v));
};
fns.ord = (args, kw) => {
  arity("ord", args, kw, 1);
  const x = args[0];
  if (isStr(x)) {
    const s = strValue(x);
    const n = ops.strLen(s);
    if (n !== 1) throw typeError(`ord() expected a character, but string of length ${n} found`);
    return s.codePointAt(0)!;
  }
  if (x instanceof PyBytes || x instanceof PyByteArray) {
    const n = x instanceof PyBytes ? x.data.length : x.length;
    if (n !== 1) throw typeError(`ord() expected a character, but string of length ${n} found`);
    return x.data[0];
  }
  throw typeError(`ord() expected string of length 1, but ${typeOf(x).name} found`);
};
fns.delattr = (args, kw) => {
  arity("delattr", args, kw, 2);
  ops.delAttr(args[0], attrName(args[1]));
  return None;
};
function attrName(n: PyObject): string {
  if (typeof n === "string") return n;
  if (n instanceof PyStrObj) return n.value;
  throw typeError(`attribute name must be string, not '${typeOf(n).name}'`);
}
fns.getattr = (args, kw) => {
  arity("getattr", args, kw, 2, 3);
  const name = attrName(args[1]);
  if (args.length === 3) {
    const v = ops.getAttrOpt(args[0], name);
    return v === undefined ? args[2] : v;
  }
  return ops.getAttr(args[0], name);
};
fns.setattr = (args, kw) => {
  arity("setattr", args, kw, 3);
  ops.setAttr(args[0], attrName(args[1]), args[2]);
  return None;
};
fns.hasattr = (args, kw) => {
  arity("hasattr", args, kw, 2);
  return ops.getAttrOpt(args[0], attrName(args[1])) !== undefined;
};
fns.dir = (args, kw) => {
  arity("dir", args, kw, 0, 1);
  let names: PyObject[];
  if (args.length === 0) {
    const f = ts.frame;
    const loc = f === null ? new PyDict() : frameLocals(f);
    names = ops.toArray(ops.callMethod(loc, "keys", []));
  } else {
    const f = typeOf(args[0]).lookup("__dir__");
    if (f === undefined) throw typeError("object does not provide __dir__");
    names = ops.toArray(ops.callUnbound(f, args[0], []));
  }
  return new PyList(sortItems(names, null, false));
};
fns.divmod = (args, kw) => {
  arity("divmod", args, kw, 2);
  const [a, b] = args;
  const r = ops.binaryDunder(a, b, "__divmod__", "__rdivmod__");
  if (r === NotImplemented) throw typeError(`unsupported operand type(s) for divmod(): '${typeOf(a).name}' and '${typeOf(b).name}'`);
  return r;
};
fns.format = (args, kw) => {
  arity("format", args, kw, 1, 2);
  const spec = args.length > 1 ? args[1] : "";
  if (!isStr(spec)) throw typeError(`format() argument 2 must be str, not ${typeOf(spec).name}`);
  return formatValue(args[0], strValue(spec));
};
fns.hash = (args, kw) => (arity("hash", args, kw, 1), ops.hash(args[0]));
fns.id = (args, kw) => (arity("id", args, kw, 1), typeof args[0] === "object" ? ops.identityHash(args[0]) : idOfValue(args[0]));
const valueIds = new Map<PyObject, number>();
function idOfValue(v: PyObject): number {
  let id = valueIds.get(v);
  if (id === undefined) {
    id = ops.identityHash(new PyTuple([])) + 8;
    valueIds.set(v, id);
  }
  return id;
}
fns.isinstance = (args, kw) => (arity("isinstance", args, kw, 2), ops.isInstanceOf(args[0], args[1]));
fns.issubclass = (args, kw) => (arity("issubclass", args, kw, 2), ops.isSubclassOf(args[0], args[1]));
fns.iter = (args, kw) => {
  arity("iter", args, kw, 1, 2);
  if (args.length === 2) {
    if (!ops.isCallable(args[0])) throw typeError("iter(v, w): v must be callable");
    return new CallableIter(args[0], args[1]);
  }
  return ops.getIter(args[0]);
};
fns.aiter = (args, kw) => {
  arity("aiter", args, kw, 1);
  const f = typeOf(args[0]).lookup("__aiter__");
  if (f === undefined) throw typeError(`'${typeOf(args[0]).name}' object is not an async iterable`);
  return ops.callUnbound(f, args[0], []);
};
fns.anext = (args, kw) => {
  arity("anext", args, kw, 1, 2);
  const f = typeOf(args[0]).lookup("__anext__");
  if (f === undefined) throw typeError(`'${typeOf(args[0]).name}' object is not an async iterator`);
  const aw = ops.callUnbound(f, args[0], []);
  if (args.length === 1) return aw;
  throw newException(excTypes.get("NotImplementedError")!, "anext() with a default value is not supported yet");
};
void getAwaitable;
fns.len = (args, kw) => (arity("len", args, kw, 1), ops.lenOf(args[0]));
fns.next = (args, kw) => {
  arity("next", args, kw, 1, 2);
  const it = args[0];
  const t = typeOf(it);
  if (t.slots.next === undefined && t.lookup("__next__") === undefined) throw typeError(`'${t.name}' object is not an iterator`);
  if (it instanceof PyGenerator && t === GeneratorType) {
    const r = genResume(it, None, null);
    if (r.yielded) return r.value;
    if (args.length > 1) return args[1];
    throw newStopIteration(r.value);
  }
  if (t.slots.next !== undefined) {
    const v = t.slots.next(it);
    if (v !== undefined) return v;
    if (args.length > 1) return args[1];
    throw newException(StopIterationType);
  }
  try {
    return ops.callUnbound(t.lookup("__next__")!, it, []);
  } catch (e) {
    if (args.length > 1 && e instanceof PyBaseException && ops.isInstanceOf(e, StopIterationType)) return args[1];
    throw e;
  }
};
function minmax(args: PyObject[], kw: readonly string[] | null, name: string, op: Cmp): PyObject {
  const { pos, kw: kwd } = splitKw(args, kw);
  let key: PyObject = None;
  let dflt: PyObject | undefined;
  if (kwd !== null) {
    for (const [k, v] of kwd.entries()) {
      if (k === "key") key = v;
      else if (k === "default") dflt = v;
      else throw typeError(`${name}() got an unexpected keyword argument '${ops.str(k)}'`);
    }
  }
  let items: PyObject[];
  if (pos.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
  if (pos.length === 1) items = ops.toArray(pos[0]);
  else {
    if (dflt !== undefined) throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = pos;
  }
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw valueError(`${name}() iterable argument is empty`);
  }
  let best = items[0];
  let bestKey = key === None ? best : ops.call(key, [best]);
  for (let i = 1; i < items.length; i++) {
    const v = items[i];
    const k = key === None ? v : ops.call(key, [v]);
    if (ops.compareBool(k, bestKey, op)) {
      best = v;
      bestKey = k;
    }
  }
  return best;
}
fns.max = (args, kw) => minmax(args, kw, "max", Cmp.Gt);
fns.min = (args, kw) => minmax(args, kw, "min", Cmp.Lt);
fns.pow = (args, kw) => {
  const [base, exp, mod] = parseArgs("pow", args, kw, ["base", "exp", "mod"], 2);
  return ops.power(base!, exp!, mod ?? None);
};
fns.repr = (args, kw) => (arity("repr", args, kw, 1), ops.repr(args[0]));
fns.round = (args, kw) => {
  const [num, nd] = parseArgs("round", args, kw, ["number", "ndigits"], 1);
  const x = num!;
  if (x instanceof PyFloat && typeOf(x) === FloatType) {
    if (nd === undefined || nd === None) return ops.callSpecial(x, "__round__", [])!;
    return new PyFloat(floatRound(x.value, ops.index(nd)));
  }
  const f = typeOf(x).lookup("__round__");
  if (f === undefined) throw typeError(`type ${typeOf(x).name} doesn't define __round__ method`);
  return ops.callUnbound(f, x, nd === undefined || nd === None ? [] : [nd]);
};
fns.sorted = (args, kw) => {
  const { pos, kw: kwd } = splitKw(args, kw);
  if (pos.length !== 1) throw typeError(`sorted expected 1 argument, got ${pos.length}`);
  let key: PyObject = None;
  let reverse = false;
  if (kwd !== null) {
    for (const [k, v] of kwd.entries()) {
      if (k === "key") key = v;
      else if (k === "reverse") reverse = ops.truthy(v);
      else throw typeError(`sort() got an unexpected keyword argument '${ops.str(k)}'`);
    }
  }
  return new PyList(sortItems(ops.toArray(pos[0]), key === None ? null : key, reverse));
};
fns.sum = (args, kw) => {
  const [iterable, start] = parseArgs("sum", args, kw, ["iterable", "start"], 1, 1);
  let acc: PyObject = start === undefined ? 0 : start;
  if (isStr(acc)) throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  if (acc instanceof PyBytes) throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
  if (acc instanceof PyByteArray) throw typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
  ops.iterate(iterable!, (v) => {
    acc = ops.binaryOp(acc, v, BinOp.Add);
  });
  return acc;
};
fns.vars = (args, kw) => {
  arity("vars", args, kw, 0, 1);
  if (args.length === 0) return ts.frame === null ? new PyDict() : frameLocals(ts.frame);
  const d = ops.getAttrOpt(args[0], "__dict__");
  if (d === undefined) throw typeError("vars() argument must have __dict__ attribute");
  return d;
};
fns.globals = (args, kw) => (arity("globals", args, kw, 0), ts.frame === null ? new PyDict() : ts.frame.globals);
fns.locals = (args, kw) => (arity("locals", args, kw, 0), ts.frame === null ? new PyDict() : frameLocals(ts.frame));
fns.__build_class__ = buildClass;
fns.print = (args, kw) => {
  const { pos, kw: kwd } = splitKw(args, kw);
  let sep = " ";
  let end = "\n";
  let file: PyObject = None;
  let flush = false;
  if (kwd !== null) {
    for (const [k, v] of kwd.entries()) {
      if (k === "sep") {
        if (v !== None && !isStr(v)) throw typeError(`sep must be None or a string, not ${typeOf(v).name}`);
        sep = v === None ? " " : strValue(v);
      } else if (k === "end") {
        if (v !== None && !isStr(v)) throw typeError(`end must be None or a string, not ${typeOf(v).name}`);
        end = v === None ? "\n" : strValue(v);
      } else if (k === "file") file = v;
      else if (k === "flush") flush = ops.truthy(v);
      else throw typeError(`'${ops.str(k)}' is an invalid keyword argument for print()`);
    }
  }
  if (file === None) file = stdio.sysAttr("stdout");
  if (file === None) return None;
  if (file instanceof PyTextStream && file.type === TextIOType) {
    let s = "";
    for (let i = 0; i < pos.length; i++) {
      if (i) s += sep;
      s += ops.str(pos[i]);
    }
    file.write(s + end);
  } else {
    // other files see one write() per piece, as CPython's print does
    const write = ops.getAttr(file, "write");
    for (let i = 0; i < pos.length; i++) {
      if (i) ops.call(write, [sep]);
      ops.call(write, [ops.str(pos[i])]);
    }
    ops.call(write, [end]);
  }
  if (flush) ops.callMethod(file, "flush", []);
  return None;
};
fns.input = (args, kw) => {
  arity("input", args, kw, 0, 1);
  const out = stdio.sysAttr("stdout");
  if (args.length) {
    stdio.writeTo(out, ops.str(args[0]));
  }
  if (out !== None) ops.callMethod(out, "flush", []);
  const inp = stdio.sysAttr("stdin");
  const line = ops.callMethod(inp, "readline", []);
  const s = ops.pyStr(line);
  if (s === "") throw newException(EOFErrorType, "EOF when reading a line");
  return s.endsWith("\n") ? s.slice(0, -1) : s;
};
fns.open = (args, kw) => ops.call(stdio.openFunction(), args, kw);
fns.breakpoint = () => None;
fns.help = (args) => {
  stdio.writeTo(stdio.sysAttr("stdout"), args.length ? `Help on ${ops.repr(args[0])}\n` : "pypack has no interactive help\n");
  return None;
};

// ---- compile / exec / eval (installed by the entry point, which owns the compiler binding)
export const evalHooks = {
  compile: (_source: PyObject, _filename: string, _mode: string, _flags: number, _dontInherit: boolean, _optimize: number): PyObject => {
    throw runtimeError("compile() is not available");
  },
};
fns.compile = (args, kw) => {
  const [source, filename, mode, flags, dontInherit, optimize] = parseArgs(
    "compile",
    args,
    kw,
    ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
    3,
  );
  const fname = source !== undefined && filename !== undefined ? ops.str(filename) : "<string>";
  const m = ops.pyStr(mode!);
  if (m !== "exec" && m !== "eval" && m !== "single" && m !== "func_type") throw valueError("compile() mode must be 'exec', 'eval' or 'single'");
  return evalHooks.compile(source!, fname, m, flags === undefined ? 0 : Number(ops.index(flags)), dontInherit !== undefined && ops.truthy(dontInherit), optimize === undefined ? -1 : Number(ops.index(optimize)));
};
function execOrEval(args: PyObject[], kw: readonly string[] | null, mode: "exec" | "eval"): PyObject {
  const [source, g, l] = parseArgs(mode, args, kw, ["source", "globals", "locals"], 1, 3);
  const caller = ts.frame;
  let globals: PyDict;
  let locals: PyObject;
  if (g === undefined || g === None) {
    if (caller === null) throw runtimeError(`${mode}() called with no frame`);
    globals = caller.globals;
    locals = l === undefined || l === None ? (caller.locals ?? frameLocals(caller)) : l;
  } else {
    if (!(g instanceof PyDict)) throw typeError(`${mode}() globals must be a dict, not ${typeOf(g).name}`);
    globals = g;
    locals = l === undefined || l === None ? g : l;
  }
  if (globals.getStr("__builtins__") === undefined) globals.setStr("__builtins__", builtinsModule());
  let code: PyObject = source!;
  if (!(code instanceof PyCode)) {
    if (isStr(code) || code instanceof PyBytes || code instanceof PyByteArray) {
      let src: PyObject = code;
      if (mode === "eval" && isStr(src)) src = strValue(src).replace(/^[ \t]+/, "");
      code = evalHooks.compile(src, "<string>", mode, 0, false, -1);
    } else {
      throw typeError(`${mode}() arg 1 must be a string, bytes or code object`);
    }
  }
  const r = execCode(code as PyCode, globals, locals);
  return mode === "eval" ? r : None;
}
fns.exec = (args, kw) => execOrEval(args, kw, "exec");
fns.eval = (args, kw) => execOrEval(args, kw, "eval");
fns.__import__ = (args, kw) => {
  const [name, g, l, fromlist, level] = parseArgs("__import__", args, kw, ["name", "globals", "locals", "fromlist", "level"], 1);
  const gl = g instanceof PyDict ? g : new PyDict();
  return interp.importName(ops.pyStr(name!), gl, l ?? None, fromlist ?? None, level === undefined ? 0 : Number(ops.index(level)));
};

// ---- super
export const SuperType = makeBuiltinType("super", ObjectType, { alloc: (cls) => new PySuper(cls) });
export class PySuper extends PyBase {
  thisType: PyType | null = null;
  obj: PyObject = None;
  objType: PyType | null = null;
  constructor(type: PyType) {
    super(type);
  }
}
function superCheck(t: PyType, obj: PyObject): PyType {
  if (obj instanceof PyType && obj.isSubtypeOf(t)) return obj;
  const ot = typeOf(obj);
  if (ot.isSubtypeOf(t)) return ot;
  const cls = ops.getAttrOpt(obj, "__class__");
  if (cls instanceof PyType && cls !== ot && cls.isSubtypeOf(t)) return cls;
  throw typeError("super(type, obj): obj must be an instance or subtype of type");
}
SuperType.dict.setStr("__init__", new PyMethodDescr("__init__", SuperType, (self, args, kw) => {
  if (kw !== null && kw.length) throw typeError("super() takes no keyword arguments");
  const s = self as PySuper;
  let t: PyObject;
  let obj: PyObject = None;
  if (args.length === 0) {
    const f = ts.frame;
    if (f === null) throw runtimeError("super(): no current frame");
    [t, obj] = superFromFrame(f);
  } else {
    t = args[0];
    if (args.length > 1) obj = args[1];
  }
  if (!(t instanceof PyType)) throw typeError(`super() argument 1 must be a type, not ${typeOf(t).name}`);
  s.thisType = t;
  s.obj = obj;
  s.objType = obj === None && args.length < 2 ? null : superCheck(t, obj);
  return None;
}));
function superFromFrame(f: Frame): [PyObject, PyObject] {
  const co = f.code;
  if (co.co_argcount === 0 && !(co.co_flags & 0x4)) throw runtimeError("super(): no arguments");
  let first = f.fast[0];
  if (first instanceof PyCell) first = first.value;
  if (first === undefined) throw runtimeError("super(): arg[0] deleted");
  const idx = co.co_localsplusnames.lastIndexOf("__class__");
  if (idx < 0 || !(co.co_localspluskinds[idx] & 0x80)) throw runtimeError("super(): __class__ cell not found");
  const cell = f.fast[idx];
  const cls = cell instanceof PyCell ? cell.value : undefined;
  if (cls === undefined) throw runtimeError("super(): empty __class__ cell");
  if (!(cls instanceof PyType)) throw runtimeError("super(): __class__ is not a type");
  return [cls, first];
}
SuperType.slots.getattro = (self, name, suppress) => {
  const s = self as PySuper;
  if (s.objType !== null && name !== "__class__") {
    const mro = s.objType.mro;
    let i = mro.indexOf(s.thisType!) + 1;
    for (; i < mro.length; i++) {
      const v = mro[i].dict.getStr(name);
      if (v !== undefined) {
        const g = typeOf(v).slots.descrGet;
        if (g === undefined) return v;
        return g(v, s.obj === s.objType ? null : s.obj, s.objType);
      }
    }
  }
  return ops.genericGetAttr(self, name, suppress);
};
SuperType.slots.repr = (self) => {
  const s = self as PySuper;
  if (s.objType === null) return `<super: <class '${s.thisType?.name}'>, NULL>`;
  return `<super: <class '${s.thisType?.name}'>, <${s.objType.name} object>>`;
};
SuperType.slots.descrGet = (self, obj) => {
  const s = self as PySuper;
  if (obj === null || s.objType !== null) return self;
  const ns = new PySuper(SuperType);
  ns.thisType = s.thisType;
  ns.obj = obj;
  ns.objType = superCheck(s.thisType!, obj);
  return ns;
};
defGetSet(SuperType, "__thisclass__", (self) => (self as PySuper).thisType ?? None);
defGetSet(SuperType, "__self__", (self) => (self as PySuper).obj);
defGetSet(SuperType, "__self_class__", (self) => (self as PySuper).objType ?? None);

// ---- the module
let builtinsMod: PyModule | null = null;
export function builtinsModule(): PyModule {
  if (builtinsMod !== null) return builtinsMod;
  const m = makeModule("builtins", {}, "Built-in functions, types, exceptions, and other objects.");
  const d = m.dict;
  d.setStr("__builtin__marker__", true);
  d.delete("__builtin__marker__");
  for (const name of Object.keys(fns)) d.setStr(name, builtinFunction(name, fns[name], "builtins"));
  const types: Record<string, PyType> = {
    bool: BoolType,
    bytearray: ByteArrayType,
    bytes: BytesType,
    classmethod: ClassMethodType,
    complex: ComplexType,
    dict: DictType,
    enumerate: EnumerateType,
    filter: FilterType,
    float: FloatType,
    frozenset: FrozenSetType,
    int: IntType,
    list: ListType,
    map: MapType,
    memoryview: MemoryViewType,
    object: ObjectType,
    property: PropertyType,
    range: RangeType,
    reversed: ReversedType,
    set: SetType,
    slice: SliceType,
    staticmethod: StaticMethodType,
    str: StrType,
    super: SuperType,
    tuple: TupleType,
    type: TypeType,
    zip: ZipType,
  };
  for (const name of Object.keys(types)) d.setStr(name, types[name]);
  for (const [name, t] of excTypes) d.setStr(name, t);
  d.setStr("EnvironmentError", excTypes.get("OSError")!);
  d.setStr("IOError", excTypes.get("OSError")!);
  d.setStr("None", None);
  d.setStr("Ellipsis", Ellipsis);
  d.setStr("NotImplemented", NotImplemented);
  d.setStr("True", true);
  d.setStr("False", false);
  d.setStr("__debug__", true);
  builtinsMod = m;
  interp.builtins = d;
  return m;
}
registerNativeModule("builtins", builtinsModule);
export { intToFloat, overflowError, attributeError, PyFunction, splitKw };
