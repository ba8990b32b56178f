// Generic object operations (the abstract object layer, as CPython's Objects/abstract.c + object.c):
// attribute access with descriptor precedence, calls, repr/str/hash, rich comparison, binary operators with reflected
// fallbacks, truth, len, item access, iteration. The interpreter uses fast paths first and falls back to these.
import {
  attributeError,
  BoolType,
  EMPTY_TUPLE,
  FloatType,
  hooks,
  IntType,
  intValue,
  isinstance,
  isInt,
  keyError,
  None,
  NotImplemented,
  ObjectType,
  PyBase,
  PyBaseException,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyFunction,
  PyGetSetDescr,
  PyIntObj,
  PyList,
  PyMemberDescr,
  PyMethod,
  PyMethodDescr,
  PyModule,
  PyObject,
  PyStrObj,
  PyTuple,
  PyType,
  StrType,
  StopIterationType,
  typeError,
  typeName,
  typeOf,
  TypeType,
  newException,
  indexError,
  overflowError,
  TypeSlots,
  setOnTypeModified,
  AttributeErrorType,
  BaseExceptionType,
} from "./core";
import {
  intAdd,
  intAnd,
  intFloorDiv,
  intLshift,
  intMod,
  intMul,
  intOr,
  intRshift,
  intSub,
  intXor,
  intTrueDiv,
  intPow,
  intToFloat,
  Int,
} from "./intmath";
import { floatRepr } from "./numeric/floatRepr";
import { hashInt, hashFloat, strHash, hashPointer } from "./numeric/hash";

// ---------------------------------------------------------------------------------------------------------------
// Calling

/** Runs a Python function (installed by the interpreter). */
export let callPyFunction: (f: PyFunction, args: PyObject[], kwnames: readonly string[] | null) => PyObject = () => {
  throw new Error("interpreter not installed");
};
export function setCallPyFunction(f: typeof callPyFunction): void {
  callPyFunction = f;
}

/** Calls any callable with positional args followed by keyword values named by kwnames. */
export function call(f: PyObject, args: PyObject[], kwnames: readonly string[] | null = null): PyObject {
  if (f instanceof PyFunction) return callPyFunction(f, args, kwnames);
  if (f instanceof PyBuiltinFunction) return f.fn(args, kwnames);
  if (f instanceof PyMethod) return call(f.func, [f.self, ...args], kwnames);
  const t = typeOf(f);
  const c = t.slots.call;
  if (c === undefined) throw typeError(`'${t.name}' object is not callable`);
  return c(f, args, kwnames);
}
export function call0(f: PyObject): PyObject {
  return call(f, [], null);
}
export function call1(f: PyObject, a: PyObject): PyObject {
  return call(f, [a], null);
}
export function isCallable(f: PyObject): boolean {
  if (f instanceof PyFunction || f instanceof PyBuiltinFunction || f instanceof PyMethod) return true;
  return typeOf(f).slots.call !== undefined;
}

/** Calls an attribute found on a type (unbound) with self prepended, binding descriptors as needed. */
export function callUnbound(descr: PyObject, self: PyObject, args: PyObject[], kwnames: readonly string[] | null = null): PyObject {
  if (descr instanceof PyMethodDescr) return descr.fn(self, args, kwnames);
  if (descr instanceof PyFunction) return callPyFunction(descr, [self, ...args], kwnames);
  const dt = typeOf(descr);
  const g = dt.slots.descrGet;
  if (g !== undefined) return call(g(descr, self, typeOf(self)), args, kwnames);
  return call(descr, args, kwnames);
}

/** Looks up a special method on the type (never the instance) and calls it; undefined when the type lacks it. */
export function callSpecial(obj: PyObject, name: string, args: PyObject[]): PyObject | undefined {
  const d = typeOf(obj).lookup(name);
  if (d === undefined) return undefined;
  return callUnbound(d, obj, args);
}

/** Calls obj.name(*args) (attribute lookup on the object). */
export function callMethod(obj: PyObject, name: string, args: PyObject[], kwnames: readonly string[] | null = null): PyObject {
  const t = typeOf(obj);
  if (t.slots.getattro === undefined) {
    const d = t.lookup(name);
    if ((d instanceof PyFunction || d instanceof PyMethodDescr) && !(obj instanceof PyBase && obj.dict !== null && obj.dict.getStr(name) !== undefined)) {
      return callUnbound(d, obj, args, kwnames);
    }
  }
  return call(getAttr(obj, name), args, kwnames);
}

// ---------------------------------------------------------------------------------------------------------------
// Attribute access

export function isDataDescr(d: PyObject): boolean {
  return typeOf(d).slots.descrSet !== undefined;
}

/** object.__getattribute__: data descriptors on the type, then the instance dict, then other class attributes. */
export function genericGetAttr(obj: PyObject, name: string, suppress = false): PyObject | undefined {
  const t = typeOf(obj);
  return genericGetAttrD(obj, name, t, t.lookup(name), suppress);
}

/** genericGetAttr with the type's MRO lookup result `d` already known (the interpreter's inline cache). */
export function genericGetAttrD(obj: PyObject, name: string, t: PyType, d: PyObject | undefined, suppress = false): PyObject | undefined {
  let get: TypeSlots["descrGet"];
  if (d !== undefined) {
    if (d instanceof PyFunction) {
      if (!(obj instanceof PyBase) || obj.dict === null) return new PyMethod(d, obj);
      const v = obj.dict.getStr(name);
      return v !== undefined ? v : new PyMethod(d, obj);
    }
    const dt = typeOf(d).slots;
    get = dt.descrGet;
    if (get !== undefined && dt.descrSet !== undefined) return get(d, obj, t);
  }
  if (obj instanceof PyBase && obj.dict !== null) {
    const v = obj.dict.getStr(name);
    if (v !== undefined) return v;
  }
  if (d !== undefined) return get !== undefined ? get(d, obj, t) : d;
  if (suppress) return undefined;
  throw noAttr(obj, name);
}

export function noAttr(obj: PyObject, name: string): PyBaseException {
  if (obj instanceof PyType) return attributeError(`type object '${obj.name}' has no attribute '${name}'`, obj, name);
  if (obj instanceof PyModule) return attributeError(`module '${obj.name}' has no attribute '${name}'`, obj, name);
  return attributeError(`'${typeName(obj)}' object has no attribute '${name}'`, obj, name);
}

/** getattr(obj, name): raises AttributeError when missing. */
export function getAttr(obj: PyObject, name: string): PyObject {
  const ga = typeOf(obj).slots.getattro;
  if (ga === undefined) return genericGetAttr(obj, name, false)!;
  return ga(obj, name, false)!;
}
/** getattr with a missing-attribute answer instead of an AttributeError (other exceptions propagate). */
export function getAttrOpt(obj: PyObject, name: string): PyObject | undefined {
  const ga = typeOf(obj).slots.getattro;
  try {
    if (ga === undefined) return genericGetAttr(obj, name, true);
    return ga(obj, name, true);
  } catch (e) {
    if (e instanceof PyBaseException && isinstance(e, AttributeErrorType)) return undefined;
    throw e;
  }
}

/** object.__setattr__ (value null = delete). */
export function genericSetAttr(obj: PyObject, name: string, value: PyObject | null): void {
  const t = typeOf(obj);
  genericSetAttrD(obj, name, value, t, t.lookup(name));
}

/** genericSetAttr with the type's MRO lookup result known. */
export function genericSetAttrD(obj: PyObject, name: string, value: PyObject | null, t: PyType, d: PyObject | undefined): void {
  if (d !== undefined) {
    const set = typeOf(d).slots.descrSet;
    if (set !== undefined) {
      set(d, obj, value);
      return;
    }
  }
  if (obj instanceof PyBase && obj.dict === null && t.instDict && value !== null) obj.dict = new PyDict();
  if (obj instanceof PyBase && obj.dict !== null) {
    if (value === null) {
      if (obj.dict.delete(name) === undefined) throw noAttr(obj, name);
    } else obj.dict.setStr(name, value);
    return;
  }
  if (d === undefined) {
    if (!(obj instanceof PyBase) || !t.heap) {
      throw attributeError(`'${t.name}' object has no attribute '${name}'`, obj, name);
    }
    throw attributeError(`'${t.name}' object has no attribute '${name}'`, obj, name);
  }
  throw attributeError(`'${t.name}' object attribute '${name}' is read-only`, obj, name);
}

export function setAttr(obj: PyObject, name: string, value: PyObject): void {
  const sa = typeOf(obj).slots.setattro;
  if (sa === undefined) genericSetAttr(obj, name, value);
  else sa(obj, name, value);
}
export function delAttr(obj: PyObject, name: string): void {
  const sa = typeOf(obj).slots.setattro;
  if (sa === undefined) genericSetAttr(obj, name, null);
  else sa(obj, name, null);
}

/** type.__getattribute__: metatype data descriptors, then the type's MRO (binding with __get__(None, type)), then metatype attrs. */
export function typeGetAttr(obj: PyObject, name: string, suppress = false): PyObject | undefined {
  const tp = obj as PyType;
  const meta = typeOf(tp);
  const md = meta.lookup(name);
  let mget: TypeSlots["descrGet"];
  if (md !== undefined) {
    const s = typeOf(md).slots;
    mget = s.descrGet;
    if (mget !== undefined && s.descrSet !== undefined) return mget(md, tp, meta);
  }
  const v = tp.lookup(name);
  if (v !== undefined) {
    if (v instanceof PyFunction) return v;
    const g = typeOf(v).slots.descrGet;
    return g !== undefined ? g(v, null, tp) : v;
  }
  if (md !== undefined) return mget !== undefined ? mget(md, tp, meta) : md;
  if (suppress) return undefined;
  throw noAttr(tp, name);
}

export function typeSetAttr(obj: PyObject, name: string, value: PyObject | null): void {
  const tp = obj as PyType;
  if (!tp.heap) {
    throw typeError(`cannot set '${name}' attribute of immutable type '${tp.name}'`);
  }
  const meta = typeOf(tp);
  const md = meta.lookup(name);
  if (md !== undefined) {
    const set = typeOf(md).slots.descrSet;
    if (set !== undefined) {
      set(md, tp, value);
      return;
    }
  }
  if (value === null) {
    if (tp.dict.delete(name) === undefined) throw noAttr(tp, name);
  } else tp.dict.setStr(name, value);
  tp.modified();
}

// ---------------------------------------------------------------------------------------------------------------
// repr / str / hash

export function repr(x: PyObject): string {
  switch (typeof x) {
    case "string":
      return strRepr(x);
    case "number":
      return String(x);
    case "bigint":
      return x.toString();
    case "boolean":
      return x ? "True" : "False";
  }
  if (x instanceof PyFloat && x.type === FloatType) return floatRepr(x.value);
  const t = x.type;
  const r = t.slots.repr;
  if (r !== undefined) return r(x);
  const res = callSpecial(x, "__repr__", []);
  if (res === undefined) return `<${t.name} object>`;
  if (typeof res === "string") return res;
  if (res instanceof PyStrObj) return res.value;
  throw typeError(`__repr__ returned non-string (type ${typeName(res)})`);
}

export function str(x: PyObject): string {
  if (typeof x === "string") return x;
  if (typeof x === "number") return String(x);
  const t = typeOf(x);
  const s = t.slots.str;
  if (s !== undefined) return s(x);
  const res = callSpecial(x, "__str__", []);
  if (res === undefined) return repr(x);
  if (typeof res === "string") return res;
  if (res instanceof PyStrObj) return res.value;
  throw typeError(`__str__ returned non-string (type ${typeName(res)})`);
}

/** Python's repr of a str: prefers single quotes, escapes as unicode_repr. */
export function strRepr(s: string): string {
  const useDouble = s.includes("'") && !s.includes('"');
  const q = useDouble ? '"' : "'";
  let out = q;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    const ch = s[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        const pair = s.slice(i, i + 2);
        i++;
        out += isPrintable(c) ? pair : "\\U" + c.toString(16).padStart(8, "0");
        continue;
      }
    }
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x7f) out += ch;
    else if (isPrintable(c)) out += ch;
    else if (c <= 0xff) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += "\\u" + c.toString(16).padStart(4, "0");
  }
  return out + q;
}

const nonPrintableRe = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
/** str.isprintable for one code point (CPython: not in categories Cc Cf Cs Co Cn Zl Zp Zs, except space). */
export function isPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x7f) return cp > 0x20;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return !nonPrintableRe.test(String.fromCodePoint(cp));
}

export { hashInt, hashFloat };

const idHashes = new WeakMap<object, number>();
let nextId = 0x7f0000001000;
/** id() / default hash: a stable per-object number (CPython's are addresses; ours are sequential). */
export function identityHash(obj: PyObject): number {
  if (typeof obj !== "object") return 0;
  let h = idHashes.get(obj);
  if (h === undefined) {
    h = nextId;
    nextId += 16;
    idHashes.set(obj, h);
  }
  return h;
}
export const objectId = identityHash;

export function hash(x: PyObject): number | bigint {
  switch (typeof x) {
    case "number":
      return x === -1 ? -2 : x;
    case "bigint":
      return hashInt(x);
    case "string":
      return strHash(x);
    case "boolean":
      return x ? 1 : 0;
  }
  const t = x.type;
  const h = t.slots.hash;
  if (h !== undefined) return h(x);
  const f = t.lookup("__hash__");
  if (f === undefined || f === None) throw typeError(`unhashable type: '${t.name}'`);
  const r = callUnbound(f, x, []);
  if (!isInt(r)) throw typeError("__hash__ method should return an integer");
  return hashInt(intValue(r));
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

export const enum Cmp {
  Lt = 0,
  Le = 1,
  Eq = 2,
  Ne = 3,
  Gt = 4,
  Ge = 5,
}
const CMP_DUNDER = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const CMP_SWAPPED = [Cmp.Gt, Cmp.Ge, Cmp.Eq, Cmp.Ne, Cmp.Lt, Cmp.Le];
const CMP_SYM = ["<", "<=", "==", "!=", ">", ">="];

function cmpNumbers(a: number | bigint, b: number | bigint, op: Cmp): boolean {
  switch (op) {
    case Cmp.Lt:
      return a < b;
    case Cmp.Le:
      return a <= b;
    case Cmp.Eq:
      return a == b;
    case Cmp.Ne:
      return a != b;
    case Cmp.Gt:
      return a > b;
    case Cmp.Ge:
      return a >= b;
  }
}

/** Compares an int and a float exactly (no rounding of big ints). */
function cmpIntFloat(a: Int, f: number, op: Cmp): boolean {
  if (Number.isNaN(f)) return op === Cmp.Ne;
  if (typeof a === "number") return cmpNumbers(a, f, op);
  if (!Number.isFinite(f)) return cmpNumbers(0, f, op);
  // compare bigint with float: compare with floor/ceil of the float
  const fl = Math.floor(f);
  const bf = BigInt(fl);
  let c: number;
  if (a < bf) c = -1;
  else if (a > bf) c = 1;
  else c = f === fl ? 0 : -1;
  return cmpNumbers(c, 0, op);
}

/** Rich comparison returning a Python object (may be non-bool for user types). */
export function richCompare(a: PyObject, b: PyObject, op: Cmp): PyObject {
  // fast paths
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "number" && tb === "number") return cmpNumbers(a as number, b as number, op);
  if (ta === "string" && tb === "string") return cmpNumbers(a as unknown as number, b as unknown as number, op);
  if (a instanceof PyFloat && b instanceof PyFloat && a.type === FloatType && b.type === FloatType) return cmpNumbers(a.value, b.value, op);
  const tA = typeOf(a);
  const tB = typeOf(b);
  let checkedReflected = false;
  if (tA !== tB && tB.isSubtypeOf(tA)) {
    const f = tB.lookup(CMP_DUNDER[CMP_SWAPPED[op]]);
    if (f !== undefined && f !== tA.lookup(CMP_DUNDER[CMP_SWAPPED[op]])) {
      checkedReflected = true;
      const r = callUnbound(f, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  const f = tA.lookup(CMP_DUNDER[op]);
  if (f !== undefined) {
    const r = callUnbound(f, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReflected) {
    const g = tB.lookup(CMP_DUNDER[CMP_SWAPPED[op]]);
    if (g !== undefined) {
      const r = callUnbound(g, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === Cmp.Eq) return a === b;
  if (op === Cmp.Ne) return a !== b;
  throw typeError(`'${CMP_SYM[op]}' not supported between instances of '${tA.name}' and '${tB.name}'`);
}

/** Numeric comparisons between builtin numbers (int, bool, float, their subclasses' values): undefined when not numbers. */
export function compareBuiltinNumbers(a: PyObject, b: PyObject, op: Cmp): boolean | undefined {
  const aInt = isInt(a);
  const bInt = isInt(b);
  if (aInt && bInt) return cmpNumbers(intValue(a), intValue(b), op);
  if (aInt && b instanceof PyFloat) return cmpIntFloat(intValue(a), b.value, op);
  if (a instanceof PyFloat && bInt) return cmpIntFloat(intValue(b), a.value, CMP_SWAPPED[op]);
  if (a instanceof PyFloat && b instanceof PyFloat) return cmpNumbers(a.value, b.value, op);
  return undefined;
}

export function compareBool(a: PyObject, b: PyObject, op: Cmp): boolean {
  return truthy(richCompare(a, b, op));
}

/** a == b as a JS boolean (identity implies equality, as PyObject_RichCompareBool). */
export function eq(a: PyObject, b: PyObject): boolean {
  if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.value));
  const ta = typeof a;
  if (ta === typeof b && ta !== "object") return a === b;
  return truthy(richCompare(a, b, Cmp.Eq));
}
export function eqIdentity(a: PyObject, b: PyObject): boolean {
  return a === b || eq(a, b);
}

// ---------------------------------------------------------------------------------------------------------------
// Truth, len

export function truthy(x: PyObject): boolean {
  switch (typeof x) {
    case "boolean":
      return x;
    case "number":
      return x !== 0;
    case "string":
      return x.length !== 0;
    case "bigint":
      return true;
  }
  if (x === None) return false;
  const t = x.type;
  const b = t.slots.bool;
  if (b !== undefined) return b(x);
  const l = t.slots.len;
  if (l !== undefined) return l(x) !== 0;
  if (t === ObjectType || !t.heap) {
    if (x instanceof PyList || x instanceof PyTuple) return x.items.length !== 0;
    if (x instanceof PyFloat) return x.value !== 0;
  }
  const f = t.lookup("__bool__");
  if (f !== undefined) {
    const r = callUnbound(f, x, []);
    if (typeof r !== "boolean") throw typeError(`__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  }
  const lf = t.lookup("__len__");
  if (lf !== undefined) return lenOf(x) !== 0;
  return true;
}

export function lenOf(x: PyObject): number {
  if (typeof x === "string") return strLen(x);
  const t = typeOf(x);
  const l = t.slots.len;
  if (l !== undefined) return l(x);
  const f = t.lookup("__len__");
  if (f === undefined) throw typeError(`object of type '${t.name}' has no len()`);
  const r = callUnbound(f, x, []);
  if (!isInt(r)) throw typeError(`'${typeName(r)}' object cannot be interpreted as an integer`);
  const v = intValue(r);
  if (v < 0) throw newException(excType("ValueError"), "__len__() should return >= 0");
  if (typeof v === "bigint") throw overflowError("cannot fit 'int' into an index-sized integer");
  return v;
}

const surrogateRe = /[\uD800-\uDFFF]/;
/** Code point length of a JS string. */
export function strLen(s: string): number {
  if (!surrogateRe.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
export function hasSurrogates(s: string): boolean {
  return surrogateRe.test(s);
}

import { excTypes } from "./core";
function excType(name: string): PyType {
  return excTypes.get(name)!;
}

// ---------------------------------------------------------------------------------------------------------------
// Index conversion

/** operator.index(x): int value of an int or of an object with __index__. */
export function index(x: PyObject): Int {
  if (typeof x === "number" || typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (x instanceof PyIntObj) return x.value;
  const f = typeOf(x).lookup("__index__");
  if (f === undefined) throw typeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
  const r = callUnbound(f, x, []);
  if (!isInt(r)) throw typeError(`__index__ returned non-int (type ${typeName(r)})`);
  return intValue(r);
}
/** index() clamped to a JS number that fits an index (OverflowError otherwise, as Py_ssize_t). */
export function indexNum(x: PyObject, what = "index"): number {
  if (typeof x === "number") return x;
  const v = index(x);
  if (typeof v === "bigint") throw newException(excType("IndexError"), `cannot fit 'int' into an ${what}-sized integer`);
  return v;
}
export function hasIndex(x: PyObject): boolean {
  return isInt(x) || typeOf(x).lookup("__index__") !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Items

export function getItem(obj: PyObject, key: PyObject): PyObject {
  const t = typeOf(obj);
  const f = t.lookup("__getitem__");
  if (f !== undefined) return callUnbound(f, obj, [key]);
  if (obj instanceof PyType) {
    if (obj === TypeType) return makeGenericAlias(obj, key);
    const cg = obj.lookup("__class_getitem__");
    if (cg !== undefined) {
      const fn = typeOf(cg).slots.descrGet ? typeOf(cg).slots.descrGet!(cg, null, obj) : cg;
      if (cg instanceof PyFunction) return call(cg, [obj, key]);
      return call(fn, [key]);
    }
    throw typeError(`type '${obj.name}' is not subscriptable`);
  }
  throw typeError(`'${t.name}' object is not subscriptable`);
}
export let makeGenericAlias: (origin: PyObject, args: PyObject) => PyObject = () => {
  throw typeError("types.GenericAlias is not available yet");
};
export function setMakeGenericAlias(f: typeof makeGenericAlias): void {
  makeGenericAlias = f;
}
export function setItem(obj: PyObject, key: PyObject, value: PyObject): void {
  const t = typeOf(obj);
  const f = t.lookup("__setitem__");
  if (f === undefined) throw typeError(`'${t.name}' object does not support item assignment`);
  callUnbound(f, obj, [key, value]);
}
export function delItem(obj: PyObject, key: PyObject): void {
  const t = typeOf(obj);
  const f = t.lookup("__delitem__");
  if (f === undefined) throw typeError(`'${t.name}' object doesn't support item deletion`);
  callUnbound(f, obj, [key]);
}

/** Python-level dict lookup helper that raises KeyError. */
export function dictGetItem(d: PyDict, key: PyObject): PyObject {
  const v = d.get(key);
  if (v === undefined) throw keyError(key);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Iteration

/** The sequence-protocol iterator (objects with __getitem__ but no __iter__). */
export const SeqIterType = (() => {
  const t = new PyType(TypeType, "iterator", [ObjectType], false);
  t.mro = [t, ObjectType];
  return t;
})();
class PySeqIter extends PyBase {
  i = 0;
  constructor(public seq: PyObject | null) {
    super(SeqIterType);
  }
}
SeqIterType.slots = {
  next(self) {
    const it = self as PySeqIter;
    if (it.seq === null) return undefined;
    try {
      return getItem(it.seq, it.i++);
    } catch (e) {
      if (e instanceof PyBaseException && (isinstance(e, excType("IndexError")) || isinstance(e, StopIterationType))) {
        it.seq = null;
        return undefined;
      }
      throw e;
    }
  },
  iter: (self) => self,
};

export function getIter(x: PyObject): PyObject {
  const t = typeOf(x);
  const it = t.slots.iter;
  if (it !== undefined) return it(x);
  const f = t.lookup("__iter__");
  if (f === undefined || f === None) {
    if (f === undefined && t.lookup("__getitem__") !== undefined) return new PySeqIter(x);
    throw typeError(`'${t.name}' object is not iterable`);
  }
  const r = callUnbound(f, x, []);
  if (!isIterator(r)) throw typeError(`iter() returned non-iterator of type '${typeName(r)}'`);
  return r;
}

export function isIterator(x: PyObject): boolean {
  const t = typeOf(x);
  return t.slots.next !== undefined || t.lookup("__next__") !== undefined;
}

/** next(it): the next item, or undefined when exhausted (StopIteration is turned into undefined). */
export function next(it: PyObject): PyObject | undefined {
  const t = typeOf(it);
  const n = t.slots.next;
  if (n !== undefined) return n(it);
  const f = t.lookup("__next__");
  if (f === undefined) throw typeError(`'${t.name}' object is not an iterator`);
  try {
    return callUnbound(f, it, []);
  } catch (e) {
    if (e instanceof PyBaseException && isinstance(e, StopIterationType)) return undefined;
    throw e;
  }
}

/** Iterates any iterable with a JS callback; return false from the callback to stop early. */
export function iterate(x: PyObject, fn: (v: PyObject) => boolean | void): void {
  if ((x instanceof PyList || x instanceof PyTuple) && (x.type.slots.iter === ListIterSlot || x.type.slots.iter === TupleIterSlot)) {
    const items = x.items;
    for (let i = 0; i < items.length; i++) if (fn(items[i]) === false) return;
    return;
  }
  const it = getIter(x);
  for (;;) {
    const v = next(it);
    if (v === undefined) return;
    if (fn(v) === false) return;
  }
}
/** The builtin list/tuple iter slots (set by objects/list.ts and tuple.ts) allow the direct-array fast path. */
export let ListIterSlot: ((self: PyObject) => PyObject) | undefined;
export let TupleIterSlot: ((self: PyObject) => PyObject) | undefined;
export function setSeqIterSlots(l: (self: PyObject) => PyObject, t: (self: PyObject) => PyObject): void {
  ListIterSlot = l;
  TupleIterSlot = t;
}

/** list(x) as a JS array (a copy). */
export function toArray(x: PyObject): PyObject[] {
  if ((x instanceof PyList || x instanceof PyTuple) && (x.type.slots.iter === ListIterSlot || x.type.slots.iter === TupleIterSlot)) {
    return x.items.slice();
  }
  const out: PyObject[] = [];
  iterate(x, (v) => {
    out.push(v);
  });
  return out;
}

export function contains(container: PyObject, item: PyObject): boolean {
  const t = typeOf(container);
  const f = t.lookup("__contains__");
  if (f !== undefined) return truthy(callUnbound(f, container, [item]));
  if (t.lookup("__iter__") === undefined && t.slots.iter === undefined && t.lookup("__getitem__") === undefined) {
    throw typeError(`argument of type '${t.name}' is not iterable`);
  }
  let found = false;
  iterate(container, (v) => {
    if (v === item || eq(v, item)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Binary operators

export const enum BinOp {
  Add = 0,
  And = 1,
  FloorDiv = 2,
  Lshift = 3,
  MatMul = 4,
  Mul = 5,
  Mod = 6,
  Or = 7,
  Pow = 8,
  Rshift = 9,
  Sub = 10,
  TrueDiv = 11,
  Xor = 12,
}
const BIN_NAMES = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor"];
export const BIN_DUNDER = BIN_NAMES.map((n) => `__${n}__`);
export const BIN_RDUNDER = BIN_NAMES.map((n) => `__r${n}__`);
export const BIN_IDUNDER = BIN_NAMES.map((n) => `__i${n}__`);
export const BIN_SYM = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];

/** Int-int operations on JS-number/bigint values (no type dispatch). */
export function intBinOp(a: Int, b: Int, op: BinOp): PyObject {
  switch (op) {
    case BinOp.Add:
      return intAdd(a, b);
    case BinOp.Sub:
      return intSub(a, b);
    case BinOp.Mul:
      return intMul(a, b);
    case BinOp.FloorDiv:
      return intFloorDiv(a, b);
    case BinOp.Mod:
      return intMod(a, b);
    case BinOp.TrueDiv:
      return new PyFloat(intTrueDiv(a, b));
    case BinOp.Pow:
      if (b < 0) return floatBinOp(intToFloat(a), intToFloat(b), BinOp.Pow);
      return intPow(a, b);
    case BinOp.And:
      return intAnd(a, b);
    case BinOp.Or:
      return intOr(a, b);
    case BinOp.Xor:
      return intXor(a, b);
    case BinOp.Lshift:
      return intLshift(a, b);
    case BinOp.Rshift:
      return intRshift(a, b);
    default:
      return NotImplemented;
  }
}

/** Installed by objects/float.ts: float op float with CPython's error rules; NotImplemented for bitwise ops. */
export let floatBinOp: (a: number, b: number, op: BinOp) => PyObject = () => NotImplemented;
export function setFloatBinOp(f: typeof floatBinOp): void {
  floatBinOp = f;
}

export function binaryOp(a: PyObject, b: PyObject, op: BinOp): PyObject {
  if (typeof a === "number" && typeof b === "number") return intBinOp(a, b, op);
  if (a instanceof PyFloat && a.type === FloatType) {
    if (b instanceof PyFloat && b.type === FloatType) return floatBinOp(a.value, b.value, op);
    if (typeof b === "number") {
      const r = floatBinOp(a.value, b, op);
      if (r !== NotImplemented) return r;
    }
  } else if (typeof a === "number" && b instanceof PyFloat && b.type === FloatType) {
    const r = floatBinOp(a, b.value, op);
    if (r !== NotImplemented) return r;
  }
  if (typeof a === "string" && typeof b === "string" && op === BinOp.Add) return a + b;
  return binaryOpSlow(a, b, op);
}

function binaryOpSlow(a: PyObject, b: PyObject, op: BinOp): PyObject {
  const r = binaryOpOrNotImpl(a, b, op);
  if (r !== NotImplemented) return r;
  throw binopTypeError(a, b, BIN_SYM[op]);
}

export function binopTypeError(a: PyObject, b: PyObject, sym: string): PyBaseException {
  if (sym === "**" || sym === "**=") {
    return typeError(`unsupported operand type(s) for ${sym} or pow(): '${typeName(a)}' and '${typeName(b)}'`);
  }
  if (sym === "+" && typeof a === "string") return typeError(`can only concatenate str (not "${typeName(b)}") to str`);
  if (sym === "+" && a instanceof PyList && typeOf(a) === typeOf(a) && !(b instanceof PyList)) {
    return typeError(`can only concatenate list (not "${typeName(b)}") to list`);
  }
  if (sym === "+" && a instanceof PyTuple && !(b instanceof PyTuple)) {
    return typeError(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
  }
  return typeError(`unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** The binary-op protocol: a.__op__(b), then b.__rop__(a) (first when b's type is a subclass overriding it). */
export function binaryOpOrNotImpl(a: PyObject, b: PyObject, op: BinOp): PyObject {
  const tA = typeOf(a);
  const tB = typeOf(b);
  const fa = tA.lookup(BIN_DUNDER[op]);
  let fb = tB === tA ? undefined : tB.lookup(BIN_RDUNDER[op]);
  if (fb !== undefined && fa !== undefined && tB.isSubtypeOf(tA) && fb !== tA.lookup(BIN_RDUNDER[op])) {
    const r = callUnbound(fb, b, [a]);
    if (r !== NotImplemented) return r;
    fb = undefined;
  }
  if (fa !== undefined) {
    const r = callUnbound(fa, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (fb !== undefined) {
    const r = callUnbound(fb, b, [a]);
    if (r !== NotImplemented) return r;
  }
  return NotImplemented;
}

/** The binary protocol for an arbitrary dunder pair (divmod and friends). */
export function binaryDunder(a: PyObject, b: PyObject, name: string, rname: string): PyObject {
  const tA = typeOf(a);
  const tB = typeOf(b);
  const fa = tA.lookup(name);
  let fb = tB === tA ? undefined : tB.lookup(rname);
  if (fb !== undefined && fa !== undefined && tB.isSubtypeOf(tA) && fb !== tA.lookup(rname)) {
    const r = callUnbound(fb, b, [a]);
    if (r !== NotImplemented) return r;
    fb = undefined;
  }
  if (fa !== undefined) {
    const r = callUnbound(fa, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (fb !== undefined) {
    const r = callUnbound(fb, b, [a]);
    if (r !== NotImplemented) return r;
  }
  return NotImplemented;
}

export function inplaceOp(a: PyObject, b: PyObject, op: BinOp): PyObject {
  if (typeof a === "number" && typeof b === "number") return intBinOp(a, b, op);
  if (a instanceof PyFloat && a.type === FloatType && b instanceof PyFloat && b.type === FloatType) return floatBinOp(a.value, b.value, op);
  if (typeof a === "string" && typeof b === "string" && op === BinOp.Add) return a + b;
  const tA = typeOf(a);
  const f = tA.lookup(BIN_IDUNDER[op]);
  if (f !== undefined) {
    const r = callUnbound(f, a, [b]);
    if (r !== NotImplemented) return r;
  }
  const r = binaryOpOrNotImpl(a, b, op);
  if (r !== NotImplemented) return r;
  throw binopTypeError(a, b, BIN_SYM[op] + "=");
}

export function power(a: PyObject, b: PyObject, m: PyObject): PyObject {
  if (m === None) return binaryOp(a, b, BinOp.Pow);
  const f = typeOf(a).lookup("__pow__");
  if (f !== undefined) {
    const r = callUnbound(f, a, [b, m]);
    if (r !== NotImplemented) return r;
  }
  throw typeError(`unsupported operand type(s) for ** or pow(): '${typeName(a)}', '${typeName(b)}', '${typeName(m)}'`);
}

// Unary operators

export function negative(x: PyObject): PyObject {
  if (typeof x === "number") return x === 0 ? 0 : -x;
  if (x instanceof PyFloat && x.type === FloatType) return new PyFloat(-x.value);
  const r = callSpecial(x, "__neg__", []);
  if (r === undefined) throw typeError(`bad operand type for unary -: '${typeName(x)}'`);
  return r;
}
export function positive(x: PyObject): PyObject {
  if (typeof x === "number") return x;
  const r = callSpecial(x, "__pos__", []);
  if (r === undefined) throw typeError(`bad operand type for unary +: '${typeName(x)}'`);
  return r;
}
export function invert(x: PyObject): PyObject {
  if (typeof x === "number" && (x | 0) === x) return ~x;
  const r = callSpecial(x, "__invert__", []);
  if (r === undefined) throw typeError(`bad operand type for unary ~: '${typeName(x)}'`);
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// isinstance / issubclass with __instancecheck__ / __subclasscheck__

export function isInstanceOf(obj: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyType) {
    const ot = typeOf(obj);
    if (ot === cls || ot.isSubtypeOf(cls)) return true;
    if (typeOf(cls) === TypeType) {
      // __class__ may be overridden (proxies)
      if (obj instanceof PyBase && ot.heap) {
        const c = getAttrOpt(obj, "__class__");
        if (c instanceof PyType && c !== ot) return c.isSubtypeOf(cls);
      }
      return false;
    }
  }
  if (cls instanceof PyTuple) {
    for (const c of cls.items) if (isInstanceOf(obj, c)) return true;
    return false;
  }
  const f = typeOf(cls).lookup("__instancecheck__");
  if (f !== undefined) return truthy(callUnbound(f, cls, [obj]));
  throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
}

export function isSubclassOf(sub: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyType && typeOf(cls) === TypeType) {
    if (!(sub instanceof PyType)) throw typeError("issubclass() arg 1 must be a class");
    return sub.isSubtypeOf(cls);
  }
  if (cls instanceof PyTuple) {
    for (const c of cls.items) if (isSubclassOf(sub, c)) return true;
    return false;
  }
  const f = typeOf(cls).lookup("__subclasscheck__");
  if (f !== undefined) return truthy(callUnbound(f, cls, [sub]));
  if (cls instanceof PyType && sub instanceof PyType) return sub.isSubtypeOf(cls);
  throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

// ---------------------------------------------------------------------------------------------------------------
// Conversions between JS and Python values

/** Python bool from a JS boolean (identity: True/False are JS true/false). */
export function pyBool(b: boolean): boolean {
  return b;
}
export function pyStr(x: PyObject): string {
  if (typeof x === "string") return x;
  if (x instanceof PyStrObj) return x.value;
  throw typeError(`expected str, got ${typeName(x)}`);
}
export function asFloat(x: PyObject): number {
  if (x instanceof PyFloat) return x.value;
  if (typeof x === "number") return x;
  if (isInt(x)) return intToFloat(intValue(x));
  const f = typeOf(x).lookup("__float__");
  if (f !== undefined) {
    const r = callUnbound(f, x, []);
    if (!(r instanceof PyFloat)) throw typeError(`${typeName(x)}.__float__ returned non-float (type ${typeName(r)})`);
    return r.value;
  }
  if (typeOf(x).lookup("__index__") !== undefined) return intToFloat(index(x));
  throw typeError(`must be real number, not ${typeName(x)}`);
}

export { BoolType, IntType, StrType, BaseExceptionType, EMPTY_TUPLE, PyGetSetDescr, PyMemberDescr };
export function overflowErrorRef(msg: string): PyBaseException {
  return overflowError(msg);
}

// Install late-bound hooks for core.ts.
hooks.hash = hash;
hooks.eq = eq;
hooks.call = call;
hooks.repr = repr;
void setOnTypeModified;
void indexError;

/** os.fspath(): str/bytes pass through, else __fspath__. */
export function fspath(x: PyObject): PyObject {
  if (typeof x === "string" || x instanceof PyStrObj) return x;
  if (typeOf(x).name === "bytes") return x;
  const f = typeOf(x).lookup("__fspath__");
  if (f === undefined) throw typeError(`expected str, bytes or os.PathLike object, not ${typeName(x)}`);
  return callUnbound(f, x, []);
}

export function stopIterationExc(): PyBaseException {
  return newException(StopIterationType);
}

/** A tuple from a JS array (helper for native modules). */
export function callTuple(items: PyObject[]): PyTuple {
  return new PyTuple(items);
}

export function typeOfRef(x: PyObject): PyType {
  return typeOf(x);
}

export function valueErrorRef(msg: string): PyBaseException {
  return newException(excType("ValueError"), msg);
}
export function NotImplementedRefValue(): PyObject {
  return NotImplemented;
}
