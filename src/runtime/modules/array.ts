// The `array` native module: typed arrays of b/B/u/h/H/i/I/l/L/q/Q/f/d items (x86-64 Linux sizes) with the list-like
// methods, bytes conversion, comparisons and CPython's errors. Items are kept as Python values, checked on entry.
import {
  None,
  PyObject,
  PyBase,
  PyBytes,
  PyFloat,
  PyList,
  PyTuple,
  PySlice,
  PyType,
  ObjectType,
  NotImplemented,
  makeBuiltinType,
  newException,
  typeError,
  valueError,
  indexError,
  overflowError,
  isInt,
  isStr,
  strValue,
  typeOf,
  normBig,
  PyBaseException,
  TypeErrorType,
  isinstance,
} from "../core";
import { defClassMethod, defGetSet, defMethod, defStaticMethod, makeModule, arity } from "../define";
import * as ops from "../ops";
import { Cmp } from "../ops";
import { registerNativeModule } from "./registry";
import { bytesArg } from "../objects/bytes";
import { sliceIndices } from "../objects/slice";
import { makeGenericAlias } from "../objects/genericalias";
import { registerBufferExporter } from "../objects/memoryview";
import { toCodePoints } from "../unicode/codepoints";

const TYPECODES = "bBuhHiIlLqQfd";
interface Code {
  size: number;
  kind: "int" | "float" | "unicode";
  min?: bigint;
  max?: bigint;
  /** CPython's overflow message stem ("signed char", ...) */
  what?: string;
}
const CODES: Record<string, Code> = {
  b: { size: 1, kind: "int", min: -128n, max: 127n, what: "signed char" },
  B: { size: 1, kind: "int", min: 0n, max: 255n, what: "unsigned byte integer" },
  u: { size: 4, kind: "unicode" },
  h: { size: 2, kind: "int", min: -32768n, max: 32767n, what: "signed short integer" },
  H: { size: 2, kind: "int", min: 0n, max: 65535n, what: "unsigned short" },
  i: { size: 4, kind: "int", min: -(2n ** 31n), max: 2n ** 31n - 1n, what: "signed integer" },
  I: { size: 4, kind: "int", min: 0n, max: 2n ** 32n - 1n, what: "unsigned int" },
  l: { size: 8, kind: "int", min: -(2n ** 63n), max: 2n ** 63n - 1n, what: "signed long integer" },
  L: { size: 8, kind: "int", min: 0n, max: 2n ** 64n - 1n, what: "unsigned long" },
  q: { size: 8, kind: "int", min: -(2n ** 63n), max: 2n ** 63n - 1n, what: "signed long long" },
  Q: { size: 8, kind: "int", min: 0n, max: 2n ** 64n - 1n, what: "unsigned long long" },
  f: { size: 4, kind: "float" },
  d: { size: 8, kind: "float" },
};

export const ArrayType: PyType = makeBuiltinType("array.array", ObjectType, { alloc: (cls) => new PyArray(cls, "b") });
class PyArray extends PyBase {
  items: PyObject[] = [];
  constructor(
    type: PyType,
    public code: string,
  ) {
    super(type);
  }
}
const A = (x: PyObject): PyArray => {
  if (!(x instanceof PyArray)) throw typeError(`descriptor requires a 'array.array' object but received '${typeOf(x).name}'`);
  return x;
};

/** CPython's message for an out-of-range item: the C converter each typecode goes through decides it. */
function rangeMessage(code: string, c: Code, low: boolean): string {
  switch (code) {
    case "I":
      return low ? "can't convert negative value to unsigned int" : "unsigned int is greater than maximum";
    case "L":
      return low ? "can't convert negative value to unsigned int" : "Python int too large to convert to C unsigned long";
    case "Q":
      return low ? "can't convert negative int to unsigned" : "int too big to convert";
    case "l":
      return "Python int too large to convert to C long";
    case "q":
      return "int too big to convert";
    default:
      return `${c.what} is ${low ? "less than minimum" : "greater than maximum"}`;
  }
}
/** Converts a Python value to an item of the array's type (range and type checks as CPython). */
function conv(code: string, v: PyObject): PyObject {
  const c = CODES[code];
  if (c.kind === "unicode") {
    if (!isStr(v) || toCodePoints(strValue(v)).length !== 1) throw typeError("array item must be unicode character");
    return strValue(v);
  }
  if (c.kind === "float") {
    let x: number;
    try {
      x = ops.asFloat(v);
    } catch (e) {
      if (e instanceof PyBaseException && isinstance(e, TypeErrorType)) throw typeError(`must be real number, not ${typeOf(v).name}`);
      throw e;
    }
    return new PyFloat(code === "f" ? Math.fround(x) : x);
  }
  const n = BigInt(ops.index(v));
  if (n > c.max! || n < c.min!) throw overflowError(rangeMessage(code, c, n < c.min!));
  return normBig(n);
}

function newArray(type: PyType, code: string, items: PyObject[]): PyArray {
  const a = new PyArray(type, code);
  a.items = items;
  return a;
}

function toBytes(a: PyArray): Uint8Array {
  const c = CODES[a.code];
  const out = new Uint8Array(a.items.length * c.size);
  const dv = new DataView(out.buffer);
  a.items.forEach((v, i) => {
    const at = i * c.size;
    if (c.kind === "unicode") dv.setUint32(at, toCodePoints(v as string)[0], true);
    else if (a.code === "f") dv.setFloat32(at, (v as PyFloat).value, true);
    else if (a.code === "d") dv.setFloat64(at, (v as PyFloat).value, true);
    else {
      const u = BigInt.asUintN(c.size * 8, BigInt(v as number | bigint));
      if (c.size === 8) dv.setBigUint64(at, u, true);
      else if (c.size === 4) dv.setUint32(at, Number(u), true);
      else if (c.size === 2) dv.setUint16(at, Number(u), true);
      else dv.setUint8(at, Number(u));
    }
  });
  return out;
}
function fromBytes(code: string, d: Uint8Array): PyObject[] {
  const c = CODES[code];
  if (d.length % c.size) throw valueError("bytes length not a multiple of item size");
  const dv = new DataView(d.buffer, d.byteOffset, d.length);
  const out: PyObject[] = [];
  const signed = c.min !== undefined && c.min < 0n;
  for (let at = 0; at < d.length; at += c.size) {
    if (c.kind === "unicode") out.push(String.fromCodePoint(dv.getUint32(at, true)));
    else if (code === "f") out.push(new PyFloat(dv.getFloat32(at, true)));
    else if (code === "d") out.push(new PyFloat(dv.getFloat64(at, true)));
    else if (c.size === 8) out.push(normBig(signed ? dv.getBigInt64(at, true) : dv.getBigUint64(at, true)));
    else if (c.size === 4) out.push(signed ? dv.getInt32(at, true) : dv.getUint32(at, true));
    else if (c.size === 2) out.push(signed ? dv.getInt16(at, true) : dv.getUint16(at, true));
    else out.push(signed ? dv.getInt8(at) : dv.getUint8(at));
  }
  return out;
}

function extendFrom(a: PyArray, src: PyObject): void {
  if (src instanceof PyArray) {
    if (src.code !== a.code) throw typeError("can only extend with array of same kind");
    a.items.push(...src.items);
    return;
  }
  const add: PyObject[] = [];
  ops.iterate(src, (v) => void add.push(conv(a.code, v)));
  a.items.push(...add);
}

defStaticMethod(ArrayType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  if (kw !== null && kw.length && cls === ArrayType) throw typeError("array.array() takes no keyword arguments");
  const rest = args.slice(1);
  if (rest.length < 1 || rest.length > 2) throw typeError(`array() takes at most 2 arguments (${rest.length} given)`);
  if (!isStr(rest[0]) || strValue(rest[0]).length !== 1) {
    throw typeError(`array() argument 1 must be a unicode character, not ${typeOf(rest[0]).name}`);
  }
  const code = strValue(rest[0]);
  if (!TYPECODES.includes(code)) throw valueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  const a = new PyArray(cls, code);
  const init = rest[1];
  if (init === undefined) return a;
  if (init instanceof PyBytes || typeOf(init).name === "bytearray") a.items = fromBytes(code, bytesArg(init));
  else if (isStr(init)) {
    if (code !== "u") throw typeError(`cannot use a str to initialize an array with typecode '${code}'`);
    a.items = toCodePoints(strValue(init)).map((c) => String.fromCodePoint(c));
  } else if (init instanceof PyArray && init.code === "u" && code !== "u") {
    throw typeError(`cannot use a unicode array to initialize an array with typecode '${code}'`);
  } else extendFrom(a, init instanceof PyArray ? new PyList(init.items) : init);
  return a;
});

defGetSet(ArrayType, "typecode", (s) => A(s).code);
defGetSet(ArrayType, "itemsize", (s) => CODES[A(s).code].size);
defMethod(ArrayType, "append", (s, a, kw) => (arity("append", a, kw, 1), A(s).items.push(conv(A(s).code, a[0])), None));
defMethod(ArrayType, "extend", (s, a, kw) => (arity("extend", a, kw, 1), extendFrom(A(s), a[0]), None));
defMethod(ArrayType, "fromlist", (s, a, kw) => {
  arity("fromlist", a, kw, 1);
  if (!(a[0] instanceof PyList)) throw typeError("arg must be list");
  extendFrom(A(s), a[0]);
  return None;
});
defMethod(ArrayType, "insert", (s, a, kw) => {
  arity("insert", a, kw, 2);
  const arr = A(s);
  let i = ops.indexNum(a[0]);
  const n = arr.items.length;
  if (i < 0) i = Math.max(0, i + n);
  arr.items.splice(Math.min(i, n), 0, conv(arr.code, a[1]));
  return None;
});
defMethod(ArrayType, "pop", (s, a, kw) => {
  arity("pop", a, kw, 0, 1);
  const arr = A(s);
  if (arr.items.length === 0) throw indexError("pop from empty array");
  let i = a.length ? ops.indexNum(a[0]) : -1;
  if (i < 0) i += arr.items.length;
  if (i < 0 || i >= arr.items.length) throw indexError("pop index out of range");
  return arr.items.splice(i, 1)[0];
});
function find(arr: PyArray, x: PyObject, from = 0, to = arr.items.length): number {
  for (let i = Math.max(0, from); i < Math.min(to, arr.items.length); i++) if (ops.eq(arr.items[i], x)) return i;
  return -1;
}
defMethod(ArrayType, "remove", (s, a, kw) => {
  arity("remove", a, kw, 1);
  const i = find(A(s), a[0]);
  if (i < 0) throw valueError("array.remove(x): x not in array");
  A(s).items.splice(i, 1);
  return None;
});
defMethod(ArrayType, "index", (s, a, kw) => {
  arity("index", a, kw, 1, 3);
  const n = A(s).items.length;
  const norm = (x: PyObject | undefined, d: number): number => {
    if (x === undefined) return d;
    const v = ops.indexNum(x);
    return v < 0 ? Math.max(0, v + n) : v;
  };
  const i = find(A(s), a[0], norm(a[1], 0), norm(a[2], n));
  if (i < 0) throw valueError("array.index(x): x not in array");
  return i;
});
defMethod(ArrayType, "count", (s, a, kw) => (arity("count", a, kw, 1), A(s).items.filter((v) => ops.eq(v, a[0])).length));
defMethod(ArrayType, "reverse", (s) => (A(s).items.reverse(), None));
defMethod(ArrayType, "tolist", (s) => new PyList([...A(s).items]));
defMethod(ArrayType, "tobytes", (s) => new PyBytes(toBytes(A(s))));
defMethod(ArrayType, "frombytes", (s, a, kw) => {
  arity("frombytes", a, kw, 1);
  A(s).items.push(...fromBytes(A(s).code, bytesArg(a[0])));
  return None;
});
defMethod(ArrayType, "tounicode", (s) => {
  if (A(s).code !== "u") throw valueError("tounicode() may only be called on unicode type arrays");
  return (A(s).items as string[]).join("");
});
defMethod(ArrayType, "fromunicode", (s, a, kw) => {
  arity("fromunicode", a, kw, 1);
  if (A(s).code !== "u") throw valueError("fromunicode() may only be called on unicode type arrays");
  if (!isStr(a[0])) throw typeError(`fromunicode() argument must be str, not ${typeOf(a[0]).name}`);
  A(s).items.push(...toCodePoints(strValue(a[0])).map((c) => String.fromCodePoint(c)));
  return None;
});
defMethod(ArrayType, "byteswap", (s) => {
  const arr = A(s);
  const size = CODES[arr.code].size;
  const d = toBytes(arr);
  for (let i = 0; i < d.length; i += size) d.subarray(i, i + size).reverse();
  arr.items = fromBytes(arr.code, d);
  return None;
});
defMethod(ArrayType, "buffer_info", (s) => new PyTuple([ops.identityHash(s), A(s).items.length]));
defMethod(ArrayType, "__len__", (s) => A(s).items.length);
ArrayType.slots.len = (s) => A(s).items.length;
defMethod(ArrayType, "__contains__", (s, a) => find(A(s), a[0]) >= 0);
defMethod(ArrayType, "__iter__", (s) => ops.getIter(new PyList(A(s).items)));
defMethod(ArrayType, "__getitem__", (s, a) => {
  const arr = A(s);
  const k = a[0];
  if (k instanceof PySlice) {
    const [start, , step, n] = sliceIndices(k, arr.items.length);
    const out: PyObject[] = [];
    for (let i = 0, j = start; i < n; i++, j += step) out.push(arr.items[j]);
    return newArray(typeOf(s) === ArrayType ? ArrayType : ArrayType, arr.code, out);
  }
  let i = ops.indexNum(k);
  if (i < 0) i += arr.items.length;
  if (i < 0 || i >= arr.items.length) throw indexError("array index out of range");
  return arr.items[i];
});
defMethod(ArrayType, "__setitem__", (s, a) => {
  const arr = A(s);
  const k = a[0];
  if (k instanceof PySlice) {
    const src = a[1];
    if (!(src instanceof PyArray)) throw typeError(`can only assign array (not "${typeOf(src).name}") to array slice`);
    if (src.code !== arr.code) throw typeError("bad argument type for built-in operation");
    const [start, stop, step, n] = sliceIndices(k, arr.items.length);
    const vals = [...src.items];
    if (step === 1) {
      arr.items.splice(start, Math.max(0, stop - start), ...vals);
      return None;
    }
    if (vals.length !== n) throw valueError(`attempt to assign array of size ${vals.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) arr.items[j] = vals[i];
    return None;
  }
  let i = ops.indexNum(k);
  if (i < 0) i += arr.items.length;
  if (i < 0 || i >= arr.items.length) throw indexError("array assignment index out of range");
  arr.items[i] = conv(arr.code, a[1]);
  return None;
});
defMethod(ArrayType, "__delitem__", (s, a) => {
  const arr = A(s);
  const k = a[0];
  if (k instanceof PySlice) {
    const [start, , step, n] = sliceIndices(k, arr.items.length);
    const del = new Set<number>();
    for (let i = 0, j = start; i < n; i++, j += step) del.add(j);
    arr.items = arr.items.filter((_, i) => !del.has(i));
    return None;
  }
  let i = ops.indexNum(k);
  if (i < 0) i += arr.items.length;
  if (i < 0 || i >= arr.items.length) throw indexError("array assignment index out of range");
  arr.items.splice(i, 1);
  return None;
});
defMethod(ArrayType, "__add__", (s, a) => {
  const o = a[0];
  if (!(o instanceof PyArray)) throw typeError(`can only append array (not "${typeOf(o).name}") to array`);
  if (o.code !== A(s).code) throw typeError("bad argument type for built-in operation");
  return newArray(ArrayType, A(s).code, [...A(s).items, ...o.items]);
});
defMethod(ArrayType, "__iadd__", (s, a) => {
  const o = a[0];
  if (!(o instanceof PyArray)) throw typeError(`can only extend array with array (not "${typeOf(o).name}")`);
  extendFrom(A(s), o);
  return s;
});
function repeat(items: PyObject[], nObj: PyObject): PyObject[] | null {
  if (!ops.hasIndex(nObj)) return null;
  const n = Math.max(0, ops.indexNum(nObj));
  const out: PyObject[] = [];
  for (let i = 0; i < n; i++) out.push(...items);
  return out;
}
defMethod(ArrayType, "__mul__", (s, a) => {
  const r = repeat(A(s).items, a[0]);
  return r === null ? NotImplemented : newArray(ArrayType, A(s).code, r);
});
defMethod(ArrayType, "__rmul__", (s, a) => {
  const r = repeat(A(s).items, a[0]);
  return r === null ? NotImplemented : newArray(ArrayType, A(s).code, r);
});
defMethod(ArrayType, "__imul__", (s, a) => {
  const r = repeat(A(s).items, a[0]);
  if (r === null) return NotImplemented;
  A(s).items = r;
  return s;
});
defMethod(ArrayType, "__copy__", (s) => newArray(ArrayType, A(s).code, [...A(s).items]));
defMethod(ArrayType, "__deepcopy__", (s) => newArray(ArrayType, A(s).code, [...A(s).items]));
defMethod(ArrayType, "__reduce_ex__", (s) => {
  const arr = A(s);
  return new PyTuple([typeOf(s), new PyTuple([arr.code, new PyList([...arr.items])]), ops.getAttrOpt(s, "__dict__") ?? None]);
});
defClassMethod(ArrayType, "__class_getitem__", (cls, a) => makeGenericAlias(cls, a[0]));
ArrayType.dict.setStr("__hash__", None);

/** Lexicographic comparison like lists (arrays of different typecodes compare by value). */
function compare(op: Cmp): (s: PyObject, a: PyObject[]) => PyObject {
  return (s, a) => {
    const o = a[0];
    if (!(o instanceof PyArray)) return NotImplemented;
    const x = A(s).items;
    const y = o.items;
    if ((op === Cmp.Eq || op === Cmp.Ne) && x.length !== y.length) return op === Cmp.Ne;
    let i = 0;
    while (i < x.length && i < y.length && ops.eq(x[i], y[i])) i++;
    if (i < x.length && i < y.length) {
      if (op === Cmp.Eq) return false;
      if (op === Cmp.Ne) return true;
      return ops.richCompare(x[i], y[i], op);
    }
    const d = x.length - y.length;
    switch (op) {
      case Cmp.Lt:
        return d < 0;
      case Cmp.Le:
        return d <= 0;
      case Cmp.Eq:
        return d === 0;
      case Cmp.Ne:
        return d !== 0;
      case Cmp.Gt:
        return d > 0;
      default:
        return d >= 0;
    }
  };
}
defMethod(ArrayType, "__lt__", compare(Cmp.Lt));
defMethod(ArrayType, "__le__", compare(Cmp.Le));
defMethod(ArrayType, "__eq__", compare(Cmp.Eq));
defMethod(ArrayType, "__ne__", compare(Cmp.Ne));
defMethod(ArrayType, "__gt__", compare(Cmp.Gt));
defMethod(ArrayType, "__ge__", compare(Cmp.Ge));

// The buffer protocol: items live as Python values here, so consumers get a read-only snapshot of the bytes
// (memoryview(arr) reads, bytes(arr), hashing, struct all work; writing through a memoryview raises TypeError).
registerBufferExporter(ArrayType, (s) => ({
  bytes: () => toBytes(A(s)),
  readonly: true,
  format: A(s).code === "u" ? "w" : A(s).code,
  itemsize: CODES[A(s).code].size,
}));

ArrayType.slots.repr = (s) => {
  const arr = A(s);
  if (arr.items.length === 0) return `array('${arr.code}')`;
  if (arr.code === "u") return `array('u', ${ops.repr((arr.items as string[]).join(""))})`;
  return `array('${arr.code}', ${ops.repr(new PyList(arr.items))})`;
};

registerNativeModule("array", () =>
  makeModule("array", {
    array: ArrayType,
    ArrayType,
    typecodes: TYPECODES,
    _array_reconstructor: () => {
      throw newException(TypeErrorType, "array._array_reconstructor is not supported by pypack yet");
    },
  }),
);
