// The `zlib` native module on node:zlib: compress/decompress, Compress/Decompress objects, crc32/adler32 and the
// constants, with CPython's zlib.error messages. (Node bundles Chromium's zlib: level 1 output may differ in bytes.)
import * as nz from "node:zlib";
import { None, PyObject, PyBase, PyBytes, PyType, ObjectType, ExceptionType, EOFErrorType, PyBaseException, makeBuiltinType, newException, typeError, valueError, typeOf } from "../core";
import { defGetSet, defMethod, makeModule, parseArgs } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { bytesArg } from "../objects/bytes";
import { crc32, newExceptionClass, u32Arg } from "./binascii";

const ZlibError = newExceptionClass("zlib", "error", [ExceptionType]);
const zerr = (msg: string): PyBaseException => newException(ZlibError, msg);

const C = nz.constants;
/** The JS error from node's zlib as CPython's "Error <code> while <op>: <msg>". */
function convert(e: unknown, op: string): unknown {
  if (e instanceof PyBaseException || !(e instanceof Error)) return e;
  const errno = (e as Error & { errno?: number }).errno ?? -2;
  let msg = e.message;
  if (errno === C.Z_BUF_ERROR || msg === "unexpected end of file") return zerr(`Error -5 while ${op}: incomplete or truncated stream`);
  if (errno === C.Z_NEED_DICT || msg === "Missing dictionary") return zerr(`Error 2 while ${op}`);
  if (msg === "Bad dictionary") msg = "invalid dictionary";
  return zerr(`Error ${errno} while ${op}: ${msg}`);
}

function dataArg(x: PyObject): Buffer {
  try {
    const d = bytesArg(x);
    return Buffer.from(d.buffer, d.byteOffset, d.length);
  } catch {
    throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
  }
}
const toBytes = (b: Buffer): PyBytes => new PyBytes(new Uint8Array(b.buffer, b.byteOffset, b.length).slice());

/** node engine options for a CPython wbits value: 9..15 zlib, -15..-9 raw, 25..31 gzip, 40..47 auto (decompress). */
function wbitsKind(wbits: number, decompress: boolean): { kind: "zlib" | "raw" | "gzip" | "auto"; windowBits: number } {
  if (wbits >= 9 && wbits <= 15) return { kind: "zlib", windowBits: wbits };
  if (wbits === 0 && decompress) return { kind: "zlib", windowBits: 15 };
  if (wbits >= -15 && wbits <= -8) return { kind: "raw", windowBits: -wbits === 8 ? 9 : -wbits };
  if (wbits >= 25 && wbits <= 31) return { kind: "gzip", windowBits: wbits - 16 };
  if (decompress && wbits >= 40 && wbits <= 47) return { kind: "auto", windowBits: wbits - 32 };
  if (wbits === 8) return { kind: "zlib", windowBits: 9 };
  throw valueError("Invalid initialization option");
}

// ---- one-shot ------------------------------------------------------------------------------------------------------

function compress(d: Buffer, level: number, wbits: number): Buffer {
  if (level < -1 || level > 9) throw zerr("Bad compression level");
  const k = wbitsKind(wbits, false);
  const opts = { level, windowBits: k.windowBits };
  try {
    return k.kind === "raw" ? nz.deflateRawSync(d, opts) : k.kind === "gzip" ? nz.gzipSync(d, opts) : nz.deflateSync(d, opts);
  } catch (e) {
    throw convert(e, "compressing data");
  }
}
function inflateEngine(wbits: number, finish: number, zdict?: Buffer): (d: Buffer) => { buffer: Buffer; consumed: number } {
  const k = wbitsKind(wbits, true);
  const opts: nz.ZlibOptions & { info: true } = { windowBits: k.windowBits, finishFlush: finish, info: true };
  if (zdict !== undefined && zdict.length) opts.dictionary = zdict;
  return (d) => {
    const fn = k.kind === "raw" ? nz.inflateRawSync : k.kind === "gzip" ? nz.gunzipSync : k.kind === "auto" ? nz.unzipSync : nz.inflateSync;
    const r = fn(d, opts) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { buffer: r.buffer, consumed: r.engine.bytesWritten };
  };
}

// ---- Compress objects --------------------------------------------------------------------------------------------

export const CompressType: PyType = makeBuiltinType("zlib.Compress", ObjectType, { subclassable: false });
/**
 * node's sync deflate keeps no state between calls, so a Compress object buffers its input: without intermediate
 * flushes flush() returns exactly the one-shot compress() output. A Z_SYNC_FLUSH/Z_FULL_FLUSH emits the buffered data
 * as a byte-aligned non-final raw deflate segment (after the header); later segments follow, the trailer (adler32 or
 * crc32+size) computed here: a valid stream, though back-references do not cross a flush (as after Z_FULL_FLUSH).
 */
class PyCompress extends PyBase {
  pending: Buffer[] = [];
  started = false;
  finished = false;
  adler = 1;
  crc = 0;
  total = 0;
  constructor(
    public kind: "zlib" | "raw" | "gzip",
    public opts: nz.ZlibOptions,
  ) {
    super(CompressType);
  }
  add(d: Buffer): void {
    if (this.finished) throw zerr("Error -2 while compressing data: inconsistent stream state");
    this.pending.push(d);
    this.adler = adler32(d, this.adler);
    this.crc = crc32(d, this.crc);
    this.total += d.length;
  }
  header(): Buffer {
    const level = this.opts.level ?? -1;
    if (this.kind === "raw") return Buffer.alloc(0);
    if (this.kind === "gzip") return Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level === 9 ? 2 : level === 1 ? 4 : 0, 3]);
    const cmf = ((((this.opts.windowBits ?? 15) - 8) << 4) | 8) & 0xff;
    const flevel = level === -1 || level === 6 ? 2 : level < 2 ? 0 : level < 6 ? 1 : 3;
    let flg = flevel << 6;
    flg += 31 - ((cmf * 256 + flg) % 31);
    return Buffer.from([cmf, flg & 0xff]);
  }
  trailer(): Buffer {
    const b = Buffer.alloc(this.kind === "gzip" ? 8 : this.kind === "zlib" ? 4 : 0);
    if (this.kind === "gzip") {
      b.writeUInt32LE(this.crc >>> 0, 0);
      b.writeUInt32LE(this.total >>> 0, 4);
    } else if (this.kind === "zlib") b.writeUInt32BE(this.adler >>> 0, 0);
    return b;
  }
  flush(mode: number): Buffer {
    if (this.finished) throw zerr("Error -2 while flushing: inconsistent stream state");
    const data = Buffer.concat(this.pending);
    this.pending = [];
    try {
      if (mode === C.Z_FINISH) {
        this.finished = true;
        if (!this.started) {
          const o = this.opts;
          return this.kind === "raw" ? nz.deflateRawSync(data, o) : this.kind === "gzip" ? nz.gzipSync(data, o) : nz.deflateSync(data, o);
        }
        return Buffer.concat([nz.deflateRawSync(data, this.opts), this.trailer()]);
      }
      const head = this.started ? Buffer.alloc(0) : this.header();
      this.started = true;
      return Buffer.concat([head, nz.deflateRawSync(data, { ...this.opts, dictionary: undefined, finishFlush: C.Z_SYNC_FLUSH })]);
    } catch (e) {
      throw convert(e, "compressing data");
    }
  }
}
const CO = (x: PyObject): PyCompress => x as PyCompress;
defMethod(CompressType, "compress", (self, args, kw) => {
  const [data] = parseArgs("compress", args, kw, ["data"], 1, 1);
  CO(self).add(Buffer.from(dataArg(data!)));
  return new PyBytes(new Uint8Array(0));
});
defMethod(CompressType, "flush", (self, args, kw) => {
  const [mode] = parseArgs("flush", args, kw, ["mode"], 0, 1);
  const m = mode === undefined ? C.Z_FINISH : ops.indexNum(mode);
  if (m === C.Z_NO_FLUSH) return new PyBytes(new Uint8Array(0));
  return toBytes(CO(self).flush(m));
});
defMethod(CompressType, "copy", (self) => {
  const c = CO(self);
  if (c.finished) throw valueError("Inconsistent stream state");
  const n = new PyCompress(c.kind, c.opts);
  Object.assign(n, { pending: [...c.pending], started: c.started, adler: c.adler, crc: c.crc, total: c.total });
  return n;
});

// ---- Decompress objects -------------------------------------------------------------------------------------------

export const DecompressType: PyType = makeBuiltinType("zlib.Decompress", ObjectType, { subclassable: false });
/**
 * node's sync inflate keeps no state between calls, so a Decompress object re-inflates everything fed so far and
 * hands out only the new output (quadratic, but exact, including eof/unused_data at the end of the stream).
 */
class PyDecompress extends PyBase {
  input: Buffer = Buffer.alloc(0);
  given = 0;
  pending: Buffer = Buffer.alloc(0);
  eof = false;
  unusedData: Buffer = Buffer.alloc(0);
  unconsumedTail: Buffer = Buffer.alloc(0);
  constructor(
    public wbits: number,
    public zdict: Buffer | undefined,
  ) {
    super(DecompressType);
  }
  feed(data: Buffer): void {
    if (this.eof) {
      this.unusedData = Buffer.concat([this.unusedData, data]);
      return;
    }
    this.input = Buffer.concat([this.input, data]);
    let r: { buffer: Buffer; consumed: number };
    try {
      r = inflateEngine(this.wbits, C.Z_SYNC_FLUSH, this.zdict)(this.input);
    } catch (e) {
      throw convert(e, "decompressing data");
    }
    this.pending = Buffer.concat([this.pending, r.buffer.subarray(this.given)]);
    this.given = r.buffer.length;
    let ended = r.consumed < this.input.length;
    if (!ended) {
      try {
        inflateEngine(this.wbits, C.Z_FINISH, this.zdict)(this.input);
        ended = true;
      } catch {
        ended = false;
      }
    }
    if (ended) {
      this.eof = true;
      this.unusedData = Buffer.from(this.input.subarray(r.consumed));
    }
  }
  take(max: number): Buffer {
    const n = max > 0 ? Math.min(max, this.pending.length) : this.pending.length;
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }
}
const DO = (x: PyObject): PyDecompress => x as PyDecompress;
defMethod(DecompressType, "decompress", (self, args, kw) => {
  const [data, maxLength] = parseArgs("decompress", args, kw, ["data", "max_length"], 1, 1);
  const max = maxLength === undefined ? 0 : ops.indexNum(maxLength);
  if (max < 0) throw valueError("max_length must be non-negative");
  const d = DO(self);
  d.feed(Buffer.from(dataArg(data!)));
  return toBytes(d.take(max));
});
defMethod(DecompressType, "flush", (self, args, kw) => {
  const [length] = parseArgs("flush", args, kw, ["length"], 0, 1);
  if (length !== undefined && ops.indexNum(length) <= 0) throw valueError("length must be greater than zero");
  return toBytes(DO(self).take(0));
});
defMethod(DecompressType, "copy", (self) => {
  const d = DO(self);
  const c = new PyDecompress(d.wbits, d.zdict);
  Object.assign(c, { input: d.input, given: d.given, pending: d.pending, eof: d.eof, unusedData: d.unusedData });
  return c;
});
// Output held back by max_length is served before new input is read, so no input is ever left unconsumed.
defGetSet(DecompressType, "unconsumed_tail", (self) => toBytes(DO(self).unconsumedTail));
defGetSet(DecompressType, "unused_data", (self) => toBytes(DO(self).unusedData));
defGetSet(DecompressType, "eof", (self) => DO(self).eof && DO(self).pending.length === 0);

// zlib._ZlibDecompressor (3.12, what gzip reads with): bz2/lzma-style decompress(data, max_length) + needs_input.
export const ZlibDecompressorType: PyType = makeBuiltinType("zlib._ZlibDecompressor", ObjectType, { subclassable: false });
class PyZlibDecompressor extends PyBase {
  inner: PyDecompress;
  constructor(wbits: number, zdict: Buffer | undefined) {
    super(ZlibDecompressorType);
    this.inner = new PyDecompress(wbits, zdict);
  }
}
const ZD = (x: PyObject): PyZlibDecompressor => x as PyZlibDecompressor;
defMethod(ZlibDecompressorType, "decompress", (self, args, kw) => {
  const [data, maxLength] = parseArgs("decompress", args, kw, ["data", "max_length"], 1);
  const z = ZD(self).inner;
  if (z.eof && z.pending.length === 0) throw newException(EOFErrorType, "End of stream already reached");
  const max = maxLength === undefined ? -1 : ops.indexNum(maxLength);
  const d = Buffer.from(dataArg(data!));
  if (d.length) z.feed(d);
  if (max === 0) return new PyBytes(new Uint8Array(0));
  return toBytes(z.take(max < 0 ? 0 : max));
});
defGetSet(ZlibDecompressorType, "eof", (self) => ZD(self).inner.eof && ZD(self).inner.pending.length === 0);
defGetSet(ZlibDecompressorType, "unused_data", (self) => toBytes(ZD(self).inner.unusedData));
defGetSet(ZlibDecompressorType, "needs_input", (self) => !ZD(self).inner.eof && ZD(self).inner.pending.length === 0);

function adler32(d: Uint8Array, start: number): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (let i = 0; i < d.length; ) {
    const end = Math.min(d.length, i + 3800);
    for (; i < end; i++) {
      a += d[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

registerNativeModule("zlib", () =>
  makeModule("zlib", {
    error: ZlibError,
    MAX_WBITS: 15,
    DEFLATED: 8,
    DEF_MEM_LEVEL: 8,
    DEF_BUF_SIZE: 16384,
    Z_NO_COMPRESSION: 0,
    Z_BEST_SPEED: 1,
    Z_BEST_COMPRESSION: 9,
    Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1,
    Z_HUFFMAN_ONLY: 2,
    Z_RLE: 3,
    Z_FIXED: 4,
    Z_DEFAULT_STRATEGY: 0,
    Z_NO_FLUSH: 0,
    Z_PARTIAL_FLUSH: 1,
    Z_SYNC_FLUSH: 2,
    Z_FULL_FLUSH: 3,
    Z_FINISH: 4,
    Z_BLOCK: 5,
    Z_TREES: 6,
    ZLIB_VERSION: "1.3.1",
    ZLIB_RUNTIME_VERSION: "1.3.1",
    Compress: CompressType,
    Decompress: DecompressType,
    _ZlibDecompressor: (args: PyObject[], kw: readonly string[] | null) => {
      const [wbits, zdict] = parseArgs("_ZlibDecompressor", args, kw, ["wbits", "zdict"], 0);
      const w = wbits === undefined ? 15 : ops.indexNum(wbits);
      wbitsKind(w, true);
      return new PyZlibDecompressor(w, zdict === undefined || zdict === None ? undefined : Buffer.from(dataArg(zdict)));
    },
    crc32: (args, kw) => {
      const [data, value] = parseArgs("crc32", args, kw, ["data", "value"], 1, 2);
      return crc32(bytesArg(data!), value === undefined ? 0 : u32Arg(value));
    },
    adler32: (args, kw) => {
      const [data, value] = parseArgs("adler32", args, kw, ["data", "value"], 1, 2);
      return adler32(bytesArg(data!), value === undefined ? 1 : u32Arg(value));
    },
    compress: (args, kw) => {
      const [data, level, wbits] = parseArgs("compress", args, kw, ["data", "level", "wbits"], 1, 1);
      return toBytes(compress(dataArg(data!), level === undefined ? -1 : ops.indexNum(level), wbits === undefined ? 15 : ops.indexNum(wbits)));
    },
    decompress: (args, kw) => {
      const [data, wbits, bufsize] = parseArgs("decompress", args, kw, ["data", "wbits", "bufsize"], 1, 1);
      if (bufsize !== undefined && ops.indexNum(bufsize) < 0) throw valueError("bufsize must be non-negative");
      try {
        return toBytes(inflateEngine(wbits === undefined ? 15 : ops.indexNum(wbits), C.Z_FINISH)(dataArg(data!)).buffer);
      } catch (e) {
        throw convert(e, "decompressing data");
      }
    },
    compressobj: (args, kw) => {
      const [level, method, wbits, memLevel, strategy, zdict] = parseArgs("compressobj", args, kw, ["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0);
      const lv = level === undefined ? -1 : ops.indexNum(level);
      if (lv < -1 || lv > 9) throw valueError("Invalid initialization option");
      if (method !== undefined && ops.indexNum(method) !== 8) throw valueError("Invalid initialization option");
      const k = wbitsKind(wbits === undefined ? 15 : ops.indexNum(wbits), false);
      const opts: nz.ZlibOptions = { level: lv, windowBits: k.windowBits, memLevel: memLevel === undefined ? 8 : ops.indexNum(memLevel), strategy: strategy === undefined ? 0 : ops.indexNum(strategy) };
      if (zdict !== undefined && zdict !== None) opts.dictionary = Buffer.from(dataArg(zdict));
      return new PyCompress(k.kind === "auto" ? "zlib" : k.kind, opts);
    },
    decompressobj: (args, kw) => {
      const [wbits, zdict] = parseArgs("decompressobj", args, kw, ["wbits", "zdict"], 0);
      const w = wbits === undefined ? 15 : ops.indexNum(wbits);
      wbitsKind(w, true);
      return new PyDecompress(w, zdict === undefined || zdict === None ? undefined : Buffer.from(dataArg(zdict)));
    },
  }),
);
