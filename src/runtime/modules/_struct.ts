// The `_struct` native module: format parsing (byte orders, native alignment), pack/unpack/pack_into/unpack_from/
// iter_unpack/calcsize and the Struct type, with CPython 3.12's struct.error messages (native = x86-64 Linux sizes).
import {
  None,
  PyObject,
  PyBase,
  PyBytes,
  PyByteArray,
  PyFloat,
  PyTuple,
  PyType,
  ObjectType,
  ExceptionType,
  TypeErrorType,
  PyBaseException,
  makeBuiltinType,
  newException,
  typeError,
  isInt,
  isStr,
  strValue,
  typeOf,
  normBig,
  isinstance,
  EMPTY_TUPLE,
  overflowError,
} from "../core";
import { defGetSet, defMethod, makeModule, parseArgs } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { bytesArg } from "../objects/bytes";
import { newExceptionClass } from "./binascii";
import { packFloat16, unpackFloat16 } from "../numeric/floatOps";


const StructError = newExceptionClass("struct", "error", [ExceptionType]);
const structErr = (msg: string): PyBaseException => newException(StructError, msg);

/** One value slot (or padding run) of a format, at its byte offset. */
interface Field {
  code: string;
  offset: number;
  /** bytes for 's'/'p'/'x' runs, else the item size */
  size: number;
}
interface Layout {
  format: string;
  fields: Field[];
  size: number;
  /** number of values packed/unpacked ('x' fields take none) */
  nvalues: number;
  little: boolean;
  native: boolean;
}

const NATIVE_SIZE: Record<string, number> = { x: 1, c: 1, b: 1, B: 1, "?": 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8, e: 2, f: 4, d: 8, s: 1, p: 1, P: 8 };
const STD_SIZE: Record<string, number> = { x: 1, c: 1, b: 1, B: 1, "?": 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, e: 2, f: 4, d: 8, s: 1, p: 1 };

const cache = new Map<string, Layout>();

function parseFormat(format: string): Layout {
  const hit = cache.get(format);
  if (hit !== undefined) return hit;
  let i = 0;
  let native = true;
  let little = true;
  const c0 = format[0];
  if (c0 === "@" || c0 === "=" || c0 === "<" || c0 === ">" || c0 === "!") {
    i = 1;
    native = c0 === "@";
    little = c0 === "@" || c0 === "=" || c0 === "<";
  }
  const sizes = native ? NATIVE_SIZE : STD_SIZE;
  const fields: Field[] = [];
  let offset = 0;
  let nvalues = 0;
  while (i < format.length) {
    let c = format[i++];
    if (/\s/.test(c)) continue;
    let num = 1;
    if (c >= "0" && c <= "9") {
      num = c.charCodeAt(0) - 48;
      while (i < format.length && format[i] >= "0" && format[i] <= "9") num = num * 10 + (format.charCodeAt(i++) - 48);
      if (i >= format.length) throw structErr("repeat count given without format specifier");
      if (!Number.isSafeInteger(num)) throw structErr("total struct size too long");
      c = format[i++];
    }
    const size = sizes[c];
    if (size === undefined) throw structErr("bad char in struct format");
    if (native && size > 1) offset = Math.ceil(offset / size) * size;
    if (c === "s" || c === "p") {
      fields.push({ code: c, offset, size: num });
      offset += num;
      nvalues++;
    } else if (c === "x") offset += num;
    else {
      for (let k = 0; k < num; k++) fields.push({ code: c, offset: offset + k * size, size });
      offset += num * size;
      nvalues += num;
    }
    if (!Number.isSafeInteger(offset)) throw structErr("total struct size too long");
  }
  const layout: Layout = { format, fields, size: offset, nvalues, little, native };
  if (cache.size > 100) cache.clear();
  cache.set(format, layout);
  return layout;
}

function formatArg(x: PyObject, what: string): string {
  if (isStr(x)) return strValue(x);
  if (x instanceof PyBytes) return Buffer.from(x.data).toString("latin1");
  throw typeError(`${what} must be a str or bytes object, not ${typeOf(x).name}`);
}

// ---- packing ------------------------------------------------------------------------------------------------------

const INT_RANGE: Record<string, [bigint, bigint]> = {};
for (const [c, bits] of [["b", 8], ["h", 16], ["i", 32], ["q", 64]] as const) INT_RANGE[c] = [-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n];
for (const [c, bits] of [["B", 8], ["H", 16], ["I", 32], ["Q", 64]] as const) INT_RANGE[c] = [0n, (1n << BigInt(bits)) - 1n];

function intRange(code: string, size: number): [bigint, bigint] {
  if (code === "l" || code === "n") return size === 8 ? INT_RANGE.q : INT_RANGE.i;
  if (code === "L" || code === "N") return size === 8 ? INT_RANGE.Q : INT_RANGE.I;
  return INT_RANGE[code];
}

function intArg(v: PyObject): bigint {
  if (!isInt(v) && !ops.hasIndex(v)) throw structErr("required argument is not an integer");
  return BigInt(ops.index(v));
}
function floatArg(v: PyObject): number {
  try {
    return ops.asFloat(v);
  } catch (e) {
    if (e instanceof PyBaseException && isinstance(e, TypeErrorType)) throw structErr("required argument is not a float");
    throw e;
  }
}

function packField(dv: DataView, base: number, f: Field, v: PyObject, L: Layout): void {
  const at = base + f.offset;
  const le = L.little;
  switch (f.code) {
    case "?":
      dv.setUint8(at, ops.truthy(v) ? 1 : 0);
      return;
    case "c": {
      const ok = v instanceof PyBytes && v.data.length === 1;
      if (!ok) throw structErr("char format requires a bytes object of length 1");
      dv.setUint8(at, (v as PyBytes).data[0]);
      return;
    }
    case "s":
    case "p": {
      if (!(v instanceof PyBytes || v instanceof PyByteArray)) throw structErr(`argument for '${f.code}' must be a bytes object`);
      const d = bytesArg(v);
      if (f.code === "s") {
        for (let k = 0; k < f.size; k++) dv.setUint8(at + k, k < d.length ? d[k] : 0);
        return;
      }
      if (f.size === 0) return;
      const n = Math.min(d.length, f.size - 1, 255);
      dv.setUint8(at, n);
      for (let k = 1; k < f.size; k++) dv.setUint8(at + k, k - 1 < n ? d[k - 1] : 0);
      return;
    }
    case "e":
      dv.setUint16(at, packFloat16(floatArg(v)), le);
      return;
    case "f": {
      const x = floatArg(v);
      if (!L.native && Number.isFinite(x) && !Number.isFinite(Math.fround(x))) throw overflowError("float too large to pack with f format");
      dv.setFloat32(at, x, le);
      return;
    }
    case "d":
      dv.setFloat64(at, floatArg(v), le);
      return;
    case "P": {
      const n = intArg(v);
      if (n < -(1n << 63n) || n >= 1n << 64n) throw structErr("int too large to convert");
      dv.setBigUint64(at, BigInt.asUintN(64, n), le);
      return;
    }
    default: {
      const n = intArg(v);
      const [lo, hi] = intRange(f.code, f.size);
      if (n < lo || n > hi) throw structErr(`'${f.code}' format requires ${lo} <= number <= ${hi}`);
      const u = BigInt.asUintN(f.size * 8, n);
      if (f.size === 1) dv.setUint8(at, Number(u));
      else if (f.size === 2) dv.setUint16(at, Number(u), le);
      else if (f.size === 4) dv.setUint32(at, Number(u), le);
      else dv.setBigUint64(at, u, le);
    }
  }
}

function packInto(L: Layout, buf: Uint8Array, base: number, values: PyObject[]): void {
  if (values.length !== L.nvalues) throw structErr(`pack expected ${L.nvalues} items for packing (got ${values.length})`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  L.fields.forEach((f, i) => packField(dv, base, f, values[i], L));
}

function pack(L: Layout, values: PyObject[]): PyBytes {
  const out = new Uint8Array(L.size);
  packInto(L, out, 0, values);
  return new PyBytes(out);
}

// ---- unpacking ------------------------------------------------------------------------------------------------------

function unpackField(dv: DataView, d: Uint8Array, base: number, f: Field, L: Layout): PyObject {
  const at = base + f.offset;
  const le = L.little;
  switch (f.code) {
    case "?":
      return dv.getUint8(at) !== 0;
    case "c":
      return new PyBytes(d.slice(at, at + 1));
    case "s":
      return new PyBytes(d.slice(at, at + f.size));
    case "p": {
      if (f.size === 0) return new PyBytes(new Uint8Array(0));
      const n = Math.min(d[at], f.size - 1);
      return new PyBytes(d.slice(at + 1, at + 1 + n));
    }
    case "e":
      return new PyFloat(unpackFloat16(dv.getUint16(at, le)));
    case "f":
      return new PyFloat(dv.getFloat32(at, le));
    case "d":
      return new PyFloat(dv.getFloat64(at, le));
    case "b":
      return dv.getInt8(at);
    case "B":
      return dv.getUint8(at);
    case "h":
      return dv.getInt16(at, le);
    case "H":
      return dv.getUint16(at, le);
    default: {
      const signed = f.code === "i" || f.code === "l" || f.code === "q" || f.code === "n";
      if (f.size === 4) return signed ? dv.getInt32(at, le) : dv.getUint32(at, le);
      return normBig(signed ? dv.getBigInt64(at, le) : dv.getBigUint64(at, le));
    }
  }
}

function unpackAt(L: Layout, d: Uint8Array, base: number): PyTuple {
  if (L.fields.length === 0) return EMPTY_TUPLE;
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  return new PyTuple(L.fields.map((f) => unpackField(dv, d, base, f, L)));
}

function bufferArg(x: PyObject): Uint8Array {
  try {
    return bytesArg(x);
  } catch {
    throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
  }
}

function unpack(L: Layout, buffer: PyObject): PyTuple {
  const d = bufferArg(buffer);
  if (d.length !== L.size) throw structErr(`unpack requires a buffer of ${L.size} bytes`);
  return unpackAt(L, d, 0);
}

function unpackFrom(L: Layout, buffer: PyObject, offsetObj: PyObject | undefined): PyTuple {
  const d = bufferArg(buffer);
  let offset = offsetObj === undefined ? 0 : ops.indexNum(offsetObj);
  if (offset < 0) {
    if (offset + d.length < 0) throw structErr(`offset ${offset} out of range for ${d.length}-byte buffer`);
    offset += d.length;
  }
  if (d.length - offset < L.size) {
    throw structErr(`unpack_from requires a buffer of at least ${L.size + offset} bytes for unpacking ${L.size} bytes at offset ${offset} (actual buffer size is ${d.length})`);
  }
  return unpackAt(L, d, offset);
}

function packIntoBuffer(L: Layout, buffer: PyObject, offsetObj: PyObject, values: PyObject[]): void {
  if (!(buffer instanceof PyByteArray)) {
    throw typeError(`argument must be read-write bytes-like object, not ${typeOf(buffer).name}`);
  }
  if (values.length !== L.nvalues) throw structErr(`pack expected ${L.nvalues} items for packing (got ${values.length})`);
  const len = buffer.length;
  let offset = ops.indexNum(offsetObj);
  if (offset < 0) {
    if (offset + L.size > 0) throw structErr(`no space to pack ${L.size} bytes at offset ${offset}`);
    if (offset + len < 0) throw structErr(`offset ${offset} out of range for ${len}-byte buffer`);
    offset += len;
  }
  if (len - offset < L.size) {
    throw structErr(`pack_into requires a buffer of at least ${L.size + offset} bytes for packing ${L.size} bytes at offset ${offset} (actual buffer size is ${len})`);
  }
  // Pack into a scratch copy first so a failing value leaves the buffer untouched, as CPython does.
  const scratch = new Uint8Array(L.size);
  scratch.set(buffer.data.subarray(offset, offset + L.size));
  packInto(L, scratch, 0, values);
  buffer.data.set(scratch, offset);
}

// ---- Struct and unpack_iterator ---------------------------------------------------------------------------------

export const StructType: PyType = makeBuiltinType("_struct.Struct", ObjectType, { alloc: (cls) => new PyStruct(cls) });
class PyStruct extends PyBase {
  layout: Layout = parseFormat("");
  formatStr = "";
  constructor(type: PyType) {
    super(type);
  }
}
const S = (x: PyObject): PyStruct => {
  if (!(x instanceof PyStruct)) throw typeError(`descriptor requires a '_struct.Struct' object but received '${typeOf(x).name}'`);
  return x;
};

const UnpackIterType: PyType = makeBuiltinType("_struct.unpack_iterator", ObjectType, { subclassable: false });
class PyUnpackIter extends PyBase {
  pos = 0;
  constructor(
    public layout: Layout,
    public data: Uint8Array,
  ) {
    super(UnpackIterType);
  }
}
function iterUnpack(L: Layout, buffer: PyObject): PyUnpackIter {
  if (L.size === 0) throw structErr("cannot iteratively unpack with a struct of length 0");
  const d = bufferArg(buffer);
  if (d.length % L.size !== 0) throw structErr(`iterative unpacking requires a buffer of a multiple of ${L.size} bytes`);
  return new PyUnpackIter(L, d);
}
UnpackIterType.slots.iter = (self) => self;
UnpackIterType.slots.next = (self) => {
  const it = self as PyUnpackIter;
  if (it.pos + it.layout.size > it.data.length) return undefined;
  const r = unpackAt(it.layout, it.data, it.pos);
  it.pos += it.layout.size;
  return r;
};
defMethod(UnpackIterType, "__iter__", (self) => self);
defMethod(UnpackIterType, "__next__", (self) => {
  const r = UnpackIterType.slots.next!(self);
  if (r === undefined) throw ops.stopIterationExc();
  return r;
});
defMethod(UnpackIterType, "__length_hint__", (self) => {
  const it = self as PyUnpackIter;
  return (it.data.length - it.pos) / it.layout.size;
});

defMethod(StructType, "__init__", (self, args, kw) => {
  const [format] = parseArgs("Struct", args, kw, ["format"], 1);
  const s = S(self);
  s.formatStr = formatArg(format!, "Struct() argument 1");
  s.layout = parseFormat(s.formatStr);
  return None;
});
defGetSet(StructType, "format", (self) => S(self).formatStr);
defGetSet(StructType, "size", (self) => S(self).layout.size);
defMethod(StructType, "pack", (self, args, kw) => {
  if (kw !== null && kw.length) throw typeError("pack() takes no keyword arguments");
  return pack(S(self).layout, args);
});
defMethod(StructType, "pack_into", (self, args, kw) => {
  if (kw !== null && kw.length) throw typeError("pack_into() takes no keyword arguments");
  if (args.length < 2) throw typeError(args.length === 0 ? "pack_into expected buffer argument" : "pack_into expected offset argument");
  packIntoBuffer(S(self).layout, args[0], args[1], args.slice(2));
  return None;
});
defMethod(StructType, "unpack", (self, args, kw) => {
  const [buffer] = parseArgs("unpack", args, kw, ["buffer"], 1, 1);
  return unpack(S(self).layout, buffer!);
});
defMethod(StructType, "unpack_from", (self, args, kw) => {
  const [buffer, offset] = parseArgs("unpack_from", args, kw, ["buffer", "offset"], 1);
  return unpackFrom(S(self).layout, buffer!, offset);
});
defMethod(StructType, "iter_unpack", (self, args, kw) => {
  const [buffer] = parseArgs("iter_unpack", args, kw, ["buffer"], 1, 1);
  return iterUnpack(S(self).layout, buffer!);
});
defMethod(StructType, "__sizeof__", (self) => 40 + S(self).layout.fields.length * 24);

function layoutOf(x: PyObject): Layout {
  if (x instanceof PyStruct) return x.layout;
  return parseFormat(formatArg(x, "Struct() argument 1"));
}

registerNativeModule("_struct", () =>
  makeModule("_struct", {
    error: StructError,
    Struct: StructType,
    _clearcache: () => {
      cache.clear();
      return None;
    },
    calcsize: (args, kw) => {
      const [format] = parseArgs("calcsize", args, kw, ["format"], 1, 1);
      return layoutOf(format!).size;
    },
    pack: (args, kw) => {
      if (kw !== null && kw.length) throw typeError("pack() takes no keyword arguments");
      if (args.length === 0) throw typeError("pack expected at least 1 argument, got 0");
      return pack(layoutOf(args[0]), args.slice(1));
    },
    pack_into: (args, kw) => {
      if (kw !== null && kw.length) throw typeError("pack_into() takes no keyword arguments");
      if (args.length < 3) throw typeError(`pack_into expected at least 3 arguments, got ${args.length}`);
      packIntoBuffer(layoutOf(args[0]), args[1], args[2], args.slice(3));
      return None;
    },
    unpack: (args, kw) => {
      const [format, buffer] = parseArgs("unpack", args, kw, ["format", "buffer"], 2, 2);
      return unpack(layoutOf(format!), buffer!);
    },
    unpack_from: (args, kw) => {
      const [format, buffer, offset] = parseArgs("unpack_from", args, kw, ["format", "buffer", "offset"], 2, 1);
      return unpackFrom(layoutOf(format!), buffer!, offset);
    },
    iter_unpack: (args, kw) => {
      const [format, buffer] = parseArgs("iter_unpack", args, kw, ["format", "buffer"], 2, 2);
      return iterUnpack(layoutOf(format!), buffer!);
    },
  }),
);
