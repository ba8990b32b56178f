// Serialised code objects: a versioned, deterministic, hash-checked binary format (pypack's marshal), and .pyc-like cache headers.
//
// Layout of serializeCode(): header (24 bytes) then payload.
//   0  magic "PYPK" (4 bytes)        4  format version u16      6  reserved u16 (0)
//   8  payload length u32            12 payload hash (two u32 lanes, see contentHash)   20 string count u32
// payload: the string table (each: varint UTF-8 length + bytes), then the top code object.
// Integers are unsigned LEB128 varints (zigzag for signed). Instruction words are varints (most take 1-2 bytes); positions
// are per-instruction deltas (line - previous line, end_line - line, col + 1, end_col - col), mostly one byte each.
import { BytesConst, ComplexConst, EllipsisConst } from "./ast";
import { CodeObject, ConstFrozenset, ConstTuple, type ConstValue, type ExceptionTableEntry } from "./code";

export const MARSHAL_MAGIC = 0x4b505950; // "PYPK" little-endian
export const MARSHAL_VERSION = 2;
const HEADER_SIZE = 24;

enum Tag {
  None = 0,
  False,
  True,
  Int,
  BigInt,
  Float,
  Str,
  Bytes,
  Complex,
  Ellipsis,
  Tuple,
  Frozenset,
  Code,
}

/** A fast 64-bit content hash (two independent 32-bit multiplicative lanes), as a 16-hex-digit string. */
export function contentHash(data: Uint8Array): [number, number] {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return [h1 >>> 0, h2 >>> 0];
}

class Writer {
  private buf = new Uint8Array(1 << 16);
  len = 0;

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const nb = new Uint8Array(size);
    nb.set(this.buf.subarray(0, this.len));
    this.buf = nb;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  varint(n: number): void {
    if (n < 0 || !Number.isInteger(n)) throw new Error(`marshal: bad varint ${n}`);
    this.ensure(10);
    while (n >= 0x80) {
      this.buf[this.len++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.len++] = n;
  }

  svarint(n: number): void {
    this.varint(n < 0 ? -2 * n - 1 : 2 * n);
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  f64(x: number): void {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.len, 8).setFloat64(0, x, true);
    this.len += 8;
  }


  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

class Reader {
  pos = 0;
  private readonly dv: DataView;
  constructor(private readonly buf: Uint8Array) {
    this.dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new Error("marshal: truncated data");
    return this.buf[this.pos++];
  }

  varint(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * mul;
      if (b < 0x80) return n;
      mul *= 0x80;
    }
  }

  svarint(): number {
    const z = this.varint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new Error("marshal: truncated data");
    const b = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  f64(): number {
    const x = this.dv.getFloat64(this.pos, true);
    this.pos += 8;
    return x;
  }


}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Strings are written as UTF-16 code units when they contain lone surrogates (which UTF-8 cannot carry). */
function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

class Serializer {
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  private readonly body = new Writer();

  str(s: string): void {
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.stringList.length;
      this.strings.set(s, i);
      this.stringList.push(s);
    }
    this.body.varint(i);
  }

  constant(v: ConstValue): void {
    const w = this.body;
    if (v === null) return w.byte(Tag.None);
    switch (typeof v) {
      case "boolean":
        return w.byte(v ? Tag.True : Tag.False);
      case "bigint":
        if (v >= -(2n ** 52n) && v <= 2n ** 52n) {
          w.byte(Tag.Int);
          w.svarint(Number(v));
        } else {
          w.byte(Tag.BigInt);
          this.str(v.toString(16));
        }
        return;
      case "number":
        w.byte(Tag.Float);
        return w.f64(v);
      case "string":
        w.byte(Tag.Str);
        return this.str(v);
      case "symbol":
        return w.byte(Tag.Ellipsis);
      default:
        break;
    }
    if (v instanceof BytesConst) {
      w.byte(Tag.Bytes);
      w.varint(v.value.length);
      return w.bytes(v.value);
    }
    if (v instanceof ComplexConst) {
      w.byte(Tag.Complex);
      w.f64(v.real);
      return w.f64(v.imag);
    }
    if (v instanceof ConstTuple || v instanceof ConstFrozenset) {
      w.byte(v instanceof ConstTuple ? Tag.Tuple : Tag.Frozenset);
      w.varint(v.items.length);
      for (const x of v.items) this.constant(x);
      return;
    }
    if (v instanceof CodeObject) {
      w.byte(Tag.Code);
      return this.code(v);
    }
    throw new Error("marshal: unknown constant kind");
  }

  code(c: CodeObject): void {
    const w = this.body;
    this.str(c.co_name);
    this.str(c.co_qualname);
    this.str(c.co_filename);
    w.varint(c.co_firstlineno);
    w.varint(c.co_argcount);
    w.varint(c.co_posonlyargcount);
    w.varint(c.co_kwonlyargcount);
    w.varint(c.co_flags);
    w.varint(c.co_stacksize);
    w.varint(c.co_code.length);
    for (let i = 0; i < c.co_code.length; i++) w.varint(c.co_code[i]);
    const p = c.co_positions;
    let prevLine = c.co_firstlineno;
    for (let i = 0; i < p.length; i += 4) {
      w.svarint(p[i] - prevLine);
      w.svarint(p[i + 1] - p[i]);
      w.varint(p[i + 2] + 1);
      w.svarint(p[i + 3] - p[i + 2]);
      prevLine = p[i];
    }
    w.varint(c.co_names.length);
    for (const n of c.co_names) this.str(n);
    w.varint(c.co_localsplusnames.length);
    c.co_localsplusnames.forEach((n, i) => {
      this.str(n);
      w.byte(c.co_localspluskinds[i]);
    });
    w.varint(c.co_exceptiontable.length);
    for (const e of c.co_exceptiontable) {
      w.varint(e.start);
      w.varint(e.end);
      w.varint(e.target);
      w.varint(e.depth);
      w.byte(e.lasti ? 1 : 0);
    }
    w.varint(c.co_consts.length);
    for (const k of c.co_consts) this.constant(k);
  }

  finish(): Uint8Array {
    const table = new Writer();
    for (const s of this.stringList) {
      if (hasLoneSurrogate(s)) {
        // Marker 0 + UTF-16 units (rare: surrogate escapes in string literals).
        table.byte(0);
        table.varint(s.length);
        for (let i = 0; i < s.length; i++) table.varint(s.charCodeAt(i));
      } else {
        const b = encoder.encode(s);
        table.byte(1);
        table.varint(b.length);
        table.bytes(b);
      }
    }
    const t = table.result();
    const b = this.body.result();
    const payload = new Uint8Array(t.length + b.length);
    payload.set(t);
    payload.set(b, t.length);
    const out = new Uint8Array(HEADER_SIZE + payload.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MARSHAL_MAGIC, true);
    dv.setUint16(4, MARSHAL_VERSION, true);
    dv.setUint16(6, 0, true);
    dv.setUint32(8, payload.length, true);
    const [h1, h2] = contentHash(payload);
    dv.setUint32(12, h1, true);
    dv.setUint32(16, h2, true);
    dv.setUint32(20, this.stringList.length, true);
    out.set(payload, HEADER_SIZE);
    return out;
  }
}

/** Serialises a code object (and everything it contains). Deterministic: equal code objects give equal bytes. */
export function serializeCode(code: CodeObject): Uint8Array {
  const s = new Serializer();
  s.code(code);
  return s.finish();
}

export class MarshalError extends Error {}

class Deserializer {
  private readonly strings: string[] = [];
  constructor(private readonly r: Reader, nstrings: number) {
    for (let i = 0; i < nstrings; i++) {
      const kind = r.byte();
      if (kind === 1) {
        const n = r.varint();
        this.strings.push(decoder.decode(r.bytes(n)));
      } else {
        const n = r.varint();
        const units: number[] = [];
        for (let k = 0; k < n; k++) units.push(r.varint());
        this.strings.push(String.fromCharCode(...units));
      }
    }
  }

  str(): string {
    const s = this.strings[this.r.varint()];
    if (s === undefined) throw new MarshalError("marshal: bad string reference");
    return s;
  }

  constant(): ConstValue {
    const r = this.r;
    const tag = r.byte() as Tag;
    switch (tag) {
      case Tag.None:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int:
        return BigInt(r.svarint());
      case Tag.BigInt: {
        const s = this.str();
        return s.startsWith("-") ? -BigInt("0x" + s.slice(1)) : BigInt("0x" + s);
      }
      case Tag.Float:
        return r.f64();
      case Tag.Str:
        return this.str();
      case Tag.Bytes:
        return new BytesConst(r.bytes(r.varint()));
      case Tag.Complex: {
        const re = r.f64();
        return new ComplexConst(re, r.f64());
      }
      case Tag.Ellipsis:
        return EllipsisConst;
      case Tag.Tuple:
      case Tag.Frozenset: {
        const n = r.varint();
        const items: ConstValue[] = [];
        for (let i = 0; i < n; i++) items.push(this.constant());
        return tag === Tag.Tuple ? new ConstTuple(items) : new ConstFrozenset(items);
      }
      case Tag.Code:
        return this.code();
      default:
        throw new MarshalError(`marshal: bad constant tag ${tag}`);
    }
  }

  code(): CodeObject {
    const r = this.r;
    const co_name = this.str();
    const co_qualname = this.str();
    const co_filename = this.str();
    const co_firstlineno = r.varint();
    const co_argcount = r.varint();
    const co_posonlyargcount = r.varint();
    const co_kwonlyargcount = r.varint();
    const co_flags = r.varint();
    const co_stacksize = r.varint();
    const ncode = r.varint();
    const co_code = new Uint32Array(ncode);
    for (let i = 0; i < ncode; i++) co_code[i] = r.varint();
    const co_positions = new Int32Array(ncode * 4);
    let prevLine = co_firstlineno;
    for (let i = 0; i < co_positions.length; i += 4) {
      const line = prevLine + r.svarint();
      co_positions[i] = line;
      co_positions[i + 1] = line + r.svarint();
      const col = r.varint() - 1;
      co_positions[i + 2] = col;
      co_positions[i + 3] = col + r.svarint();
      prevLine = line;
    }
    const nnames = r.varint();
    const co_names: string[] = [];
    for (let i = 0; i < nnames; i++) co_names.push(this.str());
    const nlocals = r.varint();
    const co_localsplusnames: string[] = [];
    const co_localspluskinds = new Uint8Array(nlocals);
    for (let i = 0; i < nlocals; i++) {
      co_localsplusnames.push(this.str());
      co_localspluskinds[i] = r.byte();
    }
    const nexc = r.varint();
    const co_exceptiontable: ExceptionTableEntry[] = [];
    for (let i = 0; i < nexc; i++) {
      const start = r.varint();
      const end = r.varint();
      const target = r.varint();
      const depth = r.varint();
      co_exceptiontable.push({ start, end, target, depth, lasti: r.byte() === 1 });
    }
    const nconsts = r.varint();
    const co_consts: ConstValue[] = [];
    for (let i = 0; i < nconsts; i++) co_consts.push(this.constant());
    return new CodeObject({
      co_name, co_qualname, co_filename, co_firstlineno, co_argcount, co_posonlyargcount, co_kwonlyargcount, co_flags,
      co_stacksize, co_code, co_consts, co_names, co_localsplusnames, co_localspluskinds, co_positions, co_exceptiontable,
    });
  }
}

/** Loads serialised code; verifies magic, version, length and hash (throws MarshalError with a clear message). */
export function deserializeCode(bytes: Uint8Array): CodeObject {
  if (bytes.length < HEADER_SIZE) throw new MarshalError("bad pypack bytecode: file too short");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MARSHAL_MAGIC) throw new MarshalError("bad pypack bytecode: wrong magic number");
  const version = dv.getUint16(4, true);
  if (version !== MARSHAL_VERSION) throw new MarshalError(`bad pypack bytecode: format version ${version}, expected ${MARSHAL_VERSION}`);
  const len = dv.getUint32(8, true);
  if (HEADER_SIZE + len !== bytes.length) throw new MarshalError("bad pypack bytecode: length mismatch (truncated or trailing data)");
  const payload = bytes.subarray(HEADER_SIZE);
  const [h1, h2] = contentHash(payload);
  if (h1 !== dv.getUint32(12, true) || h2 !== dv.getUint32(16, true)) throw new MarshalError("bad pypack bytecode: content hash mismatch (corrupted data)");
  const r = new Reader(payload);
  const d = new Deserializer(r, dv.getUint32(20, true));
  const code = d.code();
  if (r.pos !== payload.length) throw new MarshalError("bad pypack bytecode: trailing data after code object");
  return code;
}

/** Structural equality of two code objects (what a serialise/load round trip must preserve). */
export function codeEquals(a: CodeObject, b: CodeObject): boolean {
  const scalar = (k: keyof CodeObject): boolean => a[k] === b[k];
  const fields: (keyof CodeObject)[] = ["co_name", "co_qualname", "co_filename", "co_firstlineno", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_flags", "co_stacksize", "co_nlocals"];
  if (!fields.every(scalar)) return false;
  const arrEq = <T>(x: ArrayLike<T>, y: ArrayLike<T>): boolean => x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  if (!arrEq(a.co_code, b.co_code) || !arrEq(a.co_positions, b.co_positions) || !arrEq(a.co_names, b.co_names)) return false;
  if (!arrEq(a.co_localsplusnames, b.co_localsplusnames) || !arrEq(a.co_localspluskinds, b.co_localspluskinds)) return false;
  if (JSON.stringify(a.co_exceptiontable) !== JSON.stringify(b.co_exceptiontable)) return false;
  if (a.co_consts.length !== b.co_consts.length) return false;
  return a.co_consts.every((c, i) => constEquals(c, b.co_consts[i]));
}

function constEquals(x: ConstValue, y: ConstValue): boolean {
  if (x instanceof CodeObject) return y instanceof CodeObject && codeEquals(x, y);
  if (x instanceof ConstTuple) return y instanceof ConstTuple && x.items.length === y.items.length && x.items.every((v, i) => constEquals(v, y.items[i]));
  if (x instanceof ConstFrozenset) return y instanceof ConstFrozenset && x.items.length === y.items.length && x.items.every((v, i) => constEquals(v, y.items[i]));
  if (x instanceof BytesConst) return y instanceof BytesConst && x.value.length === y.value.length && x.value.every((v, i) => v === y.value[i]);
  if (x instanceof ComplexConst) return y instanceof ComplexConst && Object.is(x.real, y.real) && Object.is(x.imag, y.imag);
  return Object.is(x, y);
}

// ---- .pyc-like cache files (`pypack compile`) ----

export const PYC_MAGIC = 0x43595050; // "PPYC"
const PYC_HEADER_SIZE = 16;

export interface PycHeader {
  /** 0: validated by source mtime+size; 1: validated by source hash. */
  flags: number;
  mtime: number;
  size: number;
  hash: [number, number];
}

/** Cache file = 16-byte header (magic, flags, mtime/size or source hash) + serialised code. */
export function writePyc(code: CodeObject, source: Uint8Array, mtimeSeconds: number, hashBased: boolean): Uint8Array {
  const body = serializeCode(code);
  const out = new Uint8Array(PYC_HEADER_SIZE + body.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, PYC_MAGIC, true);
  dv.setUint32(4, hashBased ? 1 : 0, true);
  if (hashBased) {
    const [h1, h2] = contentHash(source);
    dv.setUint32(8, h1, true);
    dv.setUint32(12, h2, true);
  } else {
    dv.setUint32(8, Math.floor(mtimeSeconds) >>> 0, true);
    dv.setUint32(12, source.length >>> 0, true);
  }
  out.set(body, PYC_HEADER_SIZE);
  return out;
}

export function readPycHeader(data: Uint8Array): PycHeader | null {
  if (data.length < PYC_HEADER_SIZE) return null;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (dv.getUint32(0, true) !== PYC_MAGIC) return null;
  const flags = dv.getUint32(4, true);
  const a = dv.getUint32(8, true);
  const b = dv.getUint32(12, true);
  return flags & 1 ? { flags, mtime: 0, size: 0, hash: [a, b] } : { flags, mtime: a, size: b, hash: [0, 0] };
}

/** Whether a cache file is up to date for the given source. */
export function pycIsFresh(data: Uint8Array, source: Uint8Array, mtimeSeconds: number): boolean {
  const h = readPycHeader(data);
  if (h === null) return false;
  // A cache written by another serialisation format version is stale whatever its source stamp says.
  if (data.length < PYC_HEADER_SIZE + HEADER_SIZE) return false;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (dv.getUint32(PYC_HEADER_SIZE, true) !== MARSHAL_MAGIC || dv.getUint16(PYC_HEADER_SIZE + 4, true) !== MARSHAL_VERSION) return false;
  if (h.flags & 1) {
    const [h1, h2] = contentHash(source);
    return h.hash[0] === h1 && h.hash[1] === h2;
  }
  return h.mtime === (Math.floor(mtimeSeconds) >>> 0) && h.size === (source.length >>> 0);
}

export function loadPyc(data: Uint8Array): CodeObject {
  if (readPycHeader(data) === null) throw new MarshalError("bad pypack cache file: wrong magic number");
  return deserializeCode(data.subarray(PYC_HEADER_SIZE));
}
