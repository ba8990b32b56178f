// memoryview and the buffer protocol: views with a struct format, shape and strides over bytes, bytearray and other exporters.
import {
  makeBuiltinType,
  ObjectType,
  PyBase,
  PyObject,
  PyType,
  PyBytes,
  PyByteArray,
  PyFloat,
  PyList,
  PySlice,
  PyTuple,
  None,
  NotImplemented,
  typeError,
  valueError,
  indexError,
  typeOf,
  notImplementedError,
  Ellipsis,
  isInt,
  intValue,
  normBig,
} from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod, parseArgs } from "../define";
import { sliceIndices } from "./slice";
import { packFloat16, unpackFloat16 } from "../numeric";
import { bytesHash } from "../numeric/hash";

/** What an object exposes through the buffer protocol (CPython's Py_buffer, one-dimensional exporters). */
export interface BufferInfo {
  /** The exporter's bytes; re-fetched on every access because a bytearray may reallocate. */
  bytes: () => Uint8Array;
  readonly: boolean;
  format: string;
  itemsize: number;
}

const exporters = new Map<PyType, (obj: PyObject) => BufferInfo>();

/** Lets a type (array.array, ...) export its memory to memoryview and to every bytes-like consumer. */
export function registerBufferExporter(t: PyType, fn: (obj: PyObject) => BufferInfo): void {
  exporters.set(t, fn);
}

/** The buffer of a bytes-like object, or null when it has none. */
export function getBuffer(obj: PyObject): BufferInfo | null {
  if (obj instanceof PyBytes) {
    const data = obj.data;
    return { bytes: () => data, readonly: true, format: "B", itemsize: 1 };
  }
  if (obj instanceof PyByteArray) return { bytes: () => obj.data.subarray(0, obj.length), readonly: false, format: "B", itemsize: 1 };
  if (obj instanceof PyMemoryView) {
    const m = obj;
    return { bytes: () => m.toBytes(), readonly: m.readonly, format: m.format, itemsize: m.itemsize };
  }
  if (typeof obj === "object") {
    for (let t: PyType | null = obj.type; t !== null; t = t.base) {
      const fn = exporters.get(t);
      if (fn !== undefined) return fn(obj);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Item formats: the native (`@`) struct codes memoryview can unpack.

const ITEM_SIZES: Record<string, number> = {
  c: 1, b: 1, B: 1, "?": 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8, P: 8, f: 4, d: 8, e: 2,
};

/** Normalises a format ("@B" -> "B"); null when memoryview cannot handle it. */
function nativeFormat(fmt: string): string | null {
  const f = fmt.startsWith("@") ? fmt.slice(1) : fmt;
  return f.length === 1 && ITEM_SIZES[f] !== undefined ? f : null;
}

function readItem(view: DataView, off: number, fmt: string): PyObject {
  switch (fmt) {
    case "B":
      return view.getUint8(off);
    case "b":
      return view.getInt8(off);
    case "c":
      return new PyBytes(new Uint8Array([view.getUint8(off)]));
    case "?":
      return view.getUint8(off) !== 0;
    case "h":
      return view.getInt16(off, true);
    case "H":
      return view.getUint16(off, true);
    case "i":
      return view.getInt32(off, true);
    case "I":
      return view.getUint32(off, true);
    case "l":
    case "q":
    case "n":
      return normBig(view.getBigInt64(off, true));
    case "L":
    case "Q":
    case "N":
    case "P":
      return normBig(view.getBigUint64(off, true));
    case "f":
      return new PyFloat(view.getFloat32(off, true));
    case "d":
      return new PyFloat(view.getFloat64(off, true));
    case "e":
      return new PyFloat(unpackFloat16(view.getUint16(off, true)));
  }
  throw notImplementedError(`memoryview: format ${fmt} not supported`);
}

function intInRange(v: PyObject, fmt: string, lo: bigint, hi: bigint): bigint {
  if (!isInt(v)) throw typeError(`memoryview: invalid type for format '${fmt}'`);
  const n = BigInt(intValue(v));
  if (n < lo || n > hi) throw valueError(`memoryview: invalid value for format '${fmt}'`);
  return n;
}
const INT_RANGES: Record<string, [bigint, bigint]> = {
  B: [0n, 0xffn], b: [-0x80n, 0x7fn], h: [-0x8000n, 0x7fffn], H: [0n, 0xffffn], i: [-0x80000000n, 0x7fffffffn], I: [0n, 0xffffffffn],
  l: [-(1n << 63n), (1n << 63n) - 1n], q: [-(1n << 63n), (1n << 63n) - 1n], n: [-(1n << 63n), (1n << 63n) - 1n],
  L: [0n, (1n << 64n) - 1n], Q: [0n, (1n << 64n) - 1n], N: [0n, (1n << 64n) - 1n], P: [0n, (1n << 64n) - 1n],
};

function writeItem(view: DataView, off: number, fmt: string, v: PyObject): void {
  const range = INT_RANGES[fmt];
  if (range !== undefined) {
    const n = intInRange(v, fmt, range[0], range[1]);
    const size = ITEM_SIZES[fmt];
    if (size === 1) view.setUint8(off, Number(n) & 0xff);
    else if (size === 2) view.setUint16(off, Number(n) & 0xffff, true);
    else if (size === 4) view.setUint32(off, Number(BigInt.asUintN(32, n)), true);
    else view.setBigUint64(off, BigInt.asUintN(64, n), true);
    return;
  }
  switch (fmt) {
    case "c":
      if (!(v instanceof PyBytes) || v.data.length !== 1) throw valueError(`memoryview: invalid value for format '${fmt}'`);
      view.setUint8(off, v.data[0]);
      return;
    case "?":
      view.setUint8(off, ops.truthy(v) ? 1 : 0);
      return;
    case "f":
    case "d":
    case "e": {
      if (!(v instanceof PyFloat) && !isInt(v)) throw typeError(`memoryview: invalid type for format '${fmt}'`);
      const x = ops.asFloat(v);
      if (fmt === "f") view.setFloat32(off, x, true);
      else if (fmt === "d") view.setFloat64(off, x, true);
      else view.setUint16(off, packFloat16(x), true);
      return;
    }
  }
  throw notImplementedError(`memoryview: format ${fmt} not supported`);
}

// ---------------------------------------------------------------------------------------------------------------

export const MemoryViewType = makeBuiltinType("memoryview", ObjectType, { subclassable: false });

export class PyMemoryView extends PyBase {
  released = false;
  constructor(
    /** The exporting object (`obj` attribute) and its buffer. */
    public base: PyObject,
    public buf: BufferInfo,
    /** Byte offset of the first item within the exporter's bytes. */
    public offset: number,
    public format: string,
    public itemsize: number,
    public shape: number[],
    public strides: number[],
    public readonly: boolean,
  ) {
    super(MemoryViewType);
  }
  get obj(): PyObject {
    return this.base;
  }
  get ndim(): number {
    return this.shape.length;
  }
  get nitems(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }
  get length(): number {
    return this.shape.length === 0 ? 1 : this.shape[0];
  }
  check(): void {
    if (this.released) throw valueError("operation forbidden on released memoryview object");
  }
  isCContiguous(): boolean {
    let expected = this.itemsize;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      if (this.shape[d] > 1 && this.strides[d] !== expected) return false;
      expected *= this.shape[d];
    }
    return true;
  }
  dataView(): DataView {
    const b = this.buf.bytes();
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  /** The viewed bytes in C order (tobytes()). */
  toBytes(): Uint8Array {
    this.check();
    const src = this.buf.bytes();
    const total = this.nitems * this.itemsize;
    if (this.isCContiguous()) return src.subarray(this.offset, this.offset + total);
    const out = new Uint8Array(total);
    let pos = 0;
    this.forEachItem((off) => {
      out.set(src.subarray(off, off + this.itemsize), pos);
      pos += this.itemsize;
    });
    return out;
  }
  /** Kept for callers that want the raw bytes of a view. */
  bytes(): Uint8Array {
    return this.toBytes();
  }
  /** Calls fn with the byte offset of every item, in C order. */
  forEachItem(fn: (offset: number) => void): void {
    const walk = (dim: number, off: number): void => {
      if (dim === this.shape.length) return fn(off);
      for (let i = 0; i < this.shape[dim]; i++) walk(dim + 1, off + i * this.strides[dim]);
    };
    walk(0, this.offset);
  }
}

function M(x: PyObject): PyMemoryView {
  const m = x as PyMemoryView;
  m.check();
  return m;
}

/** A memoryview of the whole buffer of `o`. */
export function memoryviewOf(o: PyObject): PyMemoryView {
  if (o instanceof PyMemoryView) {
    o.check();
    return new PyMemoryView(o.base, o.buf, o.offset, o.format, o.itemsize, o.shape.slice(), o.strides.slice(), o.readonly);
  }
  const buf = getBuffer(o);
  if (buf === null) throw typeError(`memoryview: a bytes-like object is required, not '${typeOf(o).name}'`);
  const n = buf.bytes().length / buf.itemsize;
  return new PyMemoryView(o, buf, 0, buf.format, buf.itemsize, [n], [buf.itemsize], buf.readonly);
}

defStaticMethod(MemoryViewType, "__new__", (args, kw) => {
  const [o] = parseArgs("memoryview", args.slice(1), kw, ["object"], 1);
  return memoryviewOf(o!);
});

MemoryViewType.slots.len = (x) => {
  const m = M(x);
  if (m.ndim === 0) throw typeError("0-dim memory has no length");
  return m.shape[0];
};
MemoryViewType.slots.repr = (x) => `<${(x as PyMemoryView).released ? "released " : ""}memory at 0x${ops.identityHash(x).toString(16).padStart(12, "0")}>`;
MemoryViewType.slots.iter = (x) => {
  const m = M(x);
  if (m.ndim === 0) throw typeError("invalid indexing of 0-dim memory");
  if (m.ndim > 1) throw notImplementedError("multi-dimensional sub-views are not implemented");
  return ops.getIter(new PyList(items(m)));
};

/** The items of a one-dimensional view. */
function items(m: PyMemoryView): PyObject[] {
  const fmt = formatOrRaise(m);
  const view = m.dataView();
  const out: PyObject[] = [];
  m.forEachItem((off) => out.push(readItem(view, off, fmt)));
  return out;
}
function formatOrRaise(m: PyMemoryView): string {
  const f = nativeFormat(m.format);
  if (f === null) throw notImplementedError(`memoryview: format ${m.format} not supported`);
  return f;
}

/** Nested lists for tolist(): one level per dimension. */
function toList(m: PyMemoryView): PyObject {
  const fmt = formatOrRaise(m);
  const view = m.dataView();
  const build = (dim: number, off: number): PyObject => {
    if (dim === m.shape.length) return readItem(view, off, fmt);
    const out: PyObject[] = [];
    for (let i = 0; i < m.shape[dim]; i++) out.push(build(dim + 1, off + i * m.strides[dim]));
    return new PyList(out);
  };
  return build(0, m.offset);
}

function itemOffset(m: PyMemoryView, key: PyObject): number {
  if (m.ndim === 0) throw typeError("invalid indexing of 0-dim memory");
  if (m.ndim > 1) throw notImplementedError("multi-dimensional sub-views are not implemented");
  let i = ops.indexNum(key);
  if (i < 0) i += m.shape[0];
  if (i < 0 || i >= m.shape[0]) throw indexError("index out of bounds on dimension 1");
  return m.offset + i * m.strides[0];
}

defMethod(MemoryViewType, "__getitem__", (x, a) => {
  const m = M(x);
  const key = a[0];
  if (key instanceof PySlice) {
    if (m.ndim !== 1) throw notImplementedError("multi-dimensional slicing is not implemented");
    const [start, , step, n] = sliceIndices(key, m.shape[0]);
    return new PyMemoryView(m.base, m.buf, m.offset + start * m.strides[0], m.format, m.itemsize, [n], [m.strides[0] * step], m.readonly);
  }
  if (key === Ellipsis) return x;
  if (key instanceof PyTuple) {
    if (key.items.length === 0 && m.ndim === 0) return readItem(m.dataView(), m.offset, formatOrRaise(m));
    throw notImplementedError("multi-dimensional sub-views are not implemented");
  }
  return readItem(m.dataView(), itemOffset(m, key), formatOrRaise(m));
});
defMethod(MemoryViewType, "__setitem__", (x, a) => {
  const m = M(x);
  if (m.readonly) throw typeError("cannot modify read-only memory");
  const [key, value] = a;
  if (key instanceof PySlice) {
    if (m.ndim !== 1) throw notImplementedError("memoryview slice assignments are currently restricted to ndim = 1");
    const [start, , step, n] = sliceIndices(key, m.shape[0]);
    const src = getBuffer(value);
    if (src === null) throw typeError(`a bytes-like object is required, not '${typeOf(value).name}'`);
    const srcBytes = src.bytes().slice();
    if (srcBytes.length !== n * m.itemsize || src.format.replace("@", "") !== m.format.replace("@", "")) {
      throw valueError("memoryview assignment: lvalue and rvalue have different structures");
    }
    const dst = m.buf.bytes();
    for (let i = 0; i < n; i++) {
      const off = m.offset + (start + i * step) * m.strides[0];
      dst.set(srcBytes.subarray(i * m.itemsize, (i + 1) * m.itemsize), off);
    }
    return None;
  }
  writeItem(m.dataView(), itemOffset(m, key), formatOrRaise(m), value);
  return None;
});

defMethod(MemoryViewType, "tobytes", (x, args, kw) => {
  const [order] = parseArgs("tobytes", args, kw, ["order"]);
  if (order !== undefined && order !== None && !["C", "F", "A"].includes(ops.str(order))) throw valueError("order must be 'C', 'F' or 'A'");
  return new PyBytes(M(x).toBytes().slice());
});
defMethod(MemoryViewType, "tolist", (x) => toList(M(x)));
defMethod(MemoryViewType, "hex", (x, args, kw) => {
  const bytes = M(x).toBytes();
  const hexMethod = ops.getAttr(new PyBytes(bytes.slice()), "hex");
  return ops.call(hexMethod, args, kw);
});
defMethod(MemoryViewType, "toreadonly", (x) => {
  const m = M(x);
  return new PyMemoryView(m.base, m.buf, m.offset, m.format, m.itemsize, m.shape.slice(), m.strides.slice(), true);
});
defMethod(MemoryViewType, "cast", (x, args, kw) => {
  const m = M(x);
  const [fmtArg, shapeArg] = parseArgs("cast", args, kw, ["format", "shape"], 1);
  if (typeof fmtArg !== "string") throw typeError("memoryview: format argument must be a string");
  const fmt = nativeFormat(fmtArg);
  if (fmt === null) throw valueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!m.isCContiguous()) throw typeError("memoryview: casts are restricted to C-contiguous views");
  const srcFmt = nativeFormat(m.format);
  const byteFormat = (f: string | null) => f === "B" || f === "b" || f === "c";
  if (!byteFormat(fmt) && !byteFormat(srcFmt)) throw typeError("memoryview: cannot cast between two non-byte formats");
  const itemsize = ITEM_SIZES[fmt];
  const nbytes = m.nitems * m.itemsize;
  let shape: number[];
  if (shapeArg === undefined || shapeArg === None) {
    if (nbytes % itemsize !== 0) throw typeError("memoryview: length is not a multiple of itemsize");
    shape = [nbytes / itemsize];
  } else {
    if (!(shapeArg instanceof PyTuple) && !(shapeArg instanceof PyList)) throw typeError("shape must be a list or a tuple");
    shape = ops.toArray(shapeArg).map((d) => ops.indexNum(d));
    if (m.ndim !== 1 && shape.length !== 1) throw typeError("memoryview: cast must be 1D -> ND or ND -> 1D");
    if (shape.length > 64) throw valueError("memoryview: number of dimensions must not exceed 64");
    if (shape.some((d) => d <= 0)) throw valueError("memoryview.cast(): elements of shape must be integers > 0");
    if (shape.reduce((a, b) => a * b, 1) * itemsize !== nbytes) throw typeError("memoryview: product(shape) * itemsize != buffer size");
  }
  const strides: number[] = new Array(shape.length);
  let stride = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return new PyMemoryView(m.base, m.buf, m.offset, fmtArg.startsWith("@") ? fmtArg.slice(1) : fmtArg, itemsize, shape, strides, m.readonly);
});
defMethod(MemoryViewType, "release", (x) => {
  (x as PyMemoryView).released = true;
  return None;
});
defMethod(MemoryViewType, "__enter__", (x) => M(x));
defMethod(MemoryViewType, "__exit__", (x) => {
  (x as PyMemoryView).released = true;
  return None;
});
defMethod(MemoryViewType, "__len__", (x) => MemoryViewType.slots.len!(x));
defMethod(MemoryViewType, "__eq__", (x, a) => {
  const m = x as PyMemoryView;
  const o = a[0];
  if (m === o) return true;
  const other = o instanceof PyMemoryView ? o : getBuffer(o) === null ? null : memoryviewOf(o);
  if (other === null) return NotImplemented;
  if (m.released || other.released) return false;
  if (m.shape.length !== other.shape.length || m.shape.some((d, i) => d !== other.shape[i])) return false;
  // Equal formats compare raw bytes; otherwise unpacked values are compared, as CPython does.
  if (nativeFormat(m.format) === nativeFormat(other.format) && m.format !== "d" && m.format !== "f" && m.format !== "e") {
    return Buffer.from(m.toBytes()).equals(Buffer.from(other.toBytes()));
  }
  const xs = toFlat(m);
  const ys = toFlat(other);
  return xs.length === ys.length && xs.every((v, i) => ops.eq(v, ys[i]));
});
function toFlat(m: PyMemoryView): PyObject[] {
  const fmt = formatOrRaise(m);
  const view = m.dataView();
  const out: PyObject[] = [];
  m.forEachItem((off) => out.push(readItem(view, off, fmt)));
  return out;
}
MemoryViewType.slots.hash = (x) => {
  const m = M(x);
  if (!m.readonly) throw valueError("cannot hash writable memoryview object");
  if (!["B", "b", "c"].includes(m.format)) throw valueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  return bytesHash(m.toBytes());
};
defGetSet(MemoryViewType, "obj", (x) => M(x).base);
defGetSet(MemoryViewType, "nbytes", (x) => M(x).nitems * M(x).itemsize);
defGetSet(MemoryViewType, "readonly", (x) => M(x).readonly);
defGetSet(MemoryViewType, "itemsize", (x) => M(x).itemsize);
defGetSet(MemoryViewType, "format", (x) => M(x).format);
defGetSet(MemoryViewType, "ndim", (x) => M(x).ndim);
defGetSet(MemoryViewType, "shape", (x) => new PyTuple(M(x).shape.slice()));
defGetSet(MemoryViewType, "strides", (x) => new PyTuple(M(x).strides.slice()));
defGetSet(MemoryViewType, "suboffsets", () => new PyTuple([]));
defGetSet(MemoryViewType, "released", (x) => (x as PyMemoryView).released);
defGetSet(MemoryViewType, "c_contiguous", (x) => M(x).isCContiguous());
defGetSet(MemoryViewType, "f_contiguous", (x) => M(x).ndim <= 1 && M(x).isCContiguous());
defGetSet(MemoryViewType, "contiguous", (x) => M(x).isCContiguous());
export type { PyType };
