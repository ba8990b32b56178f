// _io's layered file stack as CPython builds it in open(): FileIO (raw fd I/O over posix/fdtable), BufferedReader/
// Writer/Random/RWPair (over any raw object), TextIOWrapper (over any binary buffer: decoding, universal newlines).
import * as fs from "node:fs";
import * as tty from "node:tty";
import {
  PyBase,
  PyObject,
  PyType,
  PyBytes,
  PyByteArray,
  PyDict,
  PyTuple,
  None,
  typeError,
  valueError,
  newException,
  typeOf,
  isInt,
  intValue,
  isStr,
  strValue,
  makeBuiltinType,
  ObjectType,
  computeMro,
  notImplementedError,
} from "../../core";
import * as ops from "../../ops";
import { defGetSet, defMethod, parseArgs, builtinFunction } from "../../define";
import { importModule } from "../../import";
import { IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType, UnsupportedOperation, bytesLike, registerIoExtras } from "../_io";
import { fdClose, fdOpen, fdRead, fdReadAll, fdSeek, fdSeekable, fdTruncate, fdWrite, isVirtualFd, virtualInfo } from "../posix/fdtable";
import { osError, pathArg } from "../posix";
import { TextIOType as StdTextType, PyTextStream } from "../stdio";

export const DEFAULT_BUFFER_SIZE = 8192;

function mk(name: string, base: PyType, alloc: (cls: PyType) => PyBase): PyType {
  const t = makeBuiltinType(name, base, { alloc });
  t.dict.setStr("__module__", "_io");
  t.instDict = true;
  return t;
}
function unsupported(msg: string): never {
  throw newException(UnsupportedOperation, msg);
}
function optSize(args: PyObject[], i = 0): number {
  const v = args[i];
  if (v === undefined || v === None) return -1;
  return ops.indexNum(v);
}
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// FileIO

export const FileIOType = mk("FileIO", RawIOBaseType, (cls) => new PyFileIO(cls));
class PyFileIO extends PyBase {
  fd = -1;
  readableF = false;
  writableF = false;
  appending = false;
  created = false;
  closefd = true;
  closedF = true;
  constructor(type: PyType) {
    super(type);
    this.dict = new PyDict();
  }
  modeString(): string {
    if (this.created) return this.readableF ? "xb+" : "xb";
    if (this.appending) return this.readableF ? "ab+" : "ab";
    if (this.readableF) return this.writableF ? "rb+" : "rb";
    return "wb";
  }
}
function F(x: PyObject): PyFileIO {
  const f = x as PyFileIO;
  if (f.closedF) throw valueError("I/O operation on closed file");
  return f;
}
function raiseOs(e: unknown, filename?: PyObject): never {
  throw osError(e, filename);
}

defMethod(FileIOType, "__init__", (self, args, kw) => {
  const [file, mode, closefd, opener] = parseArgs("FileIO", args, kw, ["file", "mode", "closefd", "opener"], 1);
  const f = self as PyFileIO;
  const m = mode === undefined ? "r" : ops.pyStr(mode);
  let rwa = "";
  let plus = false;
  for (const c of m) {
    if ("rwxa".includes(c)) {
      if (rwa !== "") throw valueError("Must have exactly one of create/read/write/append mode and at most one plus");
      rwa = c;
    } else if (c === "+") {
      if (plus) throw valueError("Must have exactly one of create/read/write/append mode and at most one plus");
      plus = true;
    } else if (c !== "b") throw valueError(`invalid mode: ${m}`);
  }
  if (rwa === "") throw valueError("Must have exactly one of create/read/write/append mode and at most one plus");
  f.readableF = rwa === "r" || plus;
  f.writableF = rwa !== "r" || plus;
  f.appending = rwa === "a";
  f.created = rwa === "x";
  let flags = f.readableF && f.writableF ? fs.constants.O_RDWR : f.readableF ? fs.constants.O_RDONLY : fs.constants.O_WRONLY;
  if (rwa === "w") flags |= fs.constants.O_CREAT | fs.constants.O_TRUNC;
  if (rwa === "a") flags |= fs.constants.O_CREAT | fs.constants.O_APPEND;
  if (rwa === "x") flags |= fs.constants.O_CREAT | fs.constants.O_EXCL;
  f.closefd = closefd === undefined || ops.truthy(closefd);
  if (isInt(file!) && typeof file !== "boolean") {
    const fd = Number(intValue(file!));
    if (fd < 0) throw valueError("negative file descriptor");
    f.fd = fd;
  } else {
    if (!f.closefd) throw valueError("Cannot use closefd=False with file name");
    const p = pathArg("FileIO", "file", file);
    if (opener !== undefined && opener !== None) {
      const r = ops.call(opener, [p.obj, flags]);
      if (!isInt(r)) throw typeError("expected integer from opener");
      f.fd = Number(intValue(r));
      if (f.fd < 0) throw valueError(`opener returned ${f.fd}`);
    } else {
      try {
        f.fd = fdOpen(p.path!, flags, 0o666);
      } catch (e) {
        raiseOs(e, p.obj);
      }
    }
    const vi = virtualInfo(f.fd);
    let isDir = vi !== null && vi.isDir;
    if (vi === null) {
      try {
        isDir = fs.fstatSync(f.fd).isDirectory();
      } catch {
        isDir = false;
      }
    }
    if (isDir) {
      fdClose(f.fd);
      throw ops.call(excTypeOSError(), [21, "Is a directory", p.obj]);
    }
  }
  f.closedF = false;
  f.dict!.setStr("name", file!);
  if (f.appending) {
    try {
      fdSeek(f.fd, 0, 2);
    } catch {
      /* not seekable: fine for append */
    }
  }
  return None;
});
function excTypeOSError(): PyObject {
  return ops.getAttr(importModule("builtins"), "OSError");
}
defMethod(FileIOType, "read", (self, args) => {
  const f = F(self);
  if (!f.readableF) unsupported("File not open for reading");
  const n = optSize(args);
  try {
    return new PyBytes(n < 0 ? fdReadAll(f.fd) : fdRead(f.fd, n));
  } catch (e) {
    raiseOs(e);
  }
});
defMethod(FileIOType, "readall", (self) => {
  const f = F(self);
  if (!f.readableF) unsupported("File not open for reading");
  try {
    return new PyBytes(fdReadAll(f.fd));
  } catch (e) {
    raiseOs(e);
  }
});
defMethod(FileIOType, "readinto", (self, args) => {
  const f = F(self);
  if (!f.readableF) unsupported("File not open for reading");
  return readIntoFrom(args[0], (n) => fdRead(f.fd, n));
});
/** Fills a writable buffer (bytearray, memoryview) from `read`; returns the byte count. */
function readIntoFrom(target: PyObject, read: (n: number) => Uint8Array): number {
  const n = ops.lenOf(target);
  const data = read(n);
  if (target instanceof PyByteArray) target.data.set(data, 0);
  else ops.setItem(target, ops.call(ops.getAttr(importModule("builtins"), "slice"), [0, data.length]), new PyBytes(data));
  return data.length;
}
defMethod(FileIOType, "write", (self, args) => {
  const f = F(self);
  if (!f.writableF) unsupported("File not open for writing");
  try {
    return fdWrite(f.fd, bytesLike(args[0]));
  } catch (e) {
    raiseOs(e);
  }
});
defMethod(FileIOType, "seek", (self, args) => {
  const f = F(self);
  try {
    return fdSeek(f.fd, ops.indexNum(args[0]), args.length > 1 ? ops.indexNum(args[1]) : 0);
  } catch (e) {
    raiseOs(e);
  }
});
defMethod(FileIOType, "tell", (self) => {
  const f = F(self);
  try {
    return fdSeek(f.fd, 0, 1);
  } catch (e) {
    raiseOs(e);
  }
});
defMethod(FileIOType, "truncate", (self, args) => {
  const f = F(self);
  if (!f.writableF) unsupported("File not open for writing");
  const size = args.length && args[0] !== None ? ops.indexNum(args[0]) : fdSeek(f.fd, 0, 1);
  try {
    fdTruncate(f.fd, size);
  } catch (e) {
    raiseOs(e);
  }
  return size;
});
defMethod(FileIOType, "close", (self) => {
  const f = self as PyFileIO;
  if (f.closedF) return None;
  f.closedF = true;
  if (f.closefd) {
    try {
      fdClose(f.fd);
    } catch (e) {
      raiseOs(e);
    }
  }
  return None;
});
defMethod(FileIOType, "fileno", (self) => F(self).fd);
defMethod(FileIOType, "isatty", (self) => !isVirtualFd(F(self).fd) && tty.isatty(F(self).fd));
defMethod(FileIOType, "readable", (self) => F(self).readableF);
defMethod(FileIOType, "writable", (self) => F(self).writableF);
defMethod(FileIOType, "seekable", (self) => fdSeekable(F(self).fd));
defMethod(FileIOType, "flush", (self) => (F(self), None));
defGetSet(FileIOType, "closed", (self) => (self as PyFileIO).closedF);
defGetSet(FileIOType, "closefd", (self) => (self as PyFileIO).closefd);
defGetSet(FileIOType, "mode", (self) => (self as PyFileIO).modeString());
FileIOType.slots.repr = (self) => {
  const f = self as PyFileIO;
  if (f.closedF) return "<_io.FileIO [closed]>";
  const name = f.dict!.getStr("name");
  return `<_io.FileIO name=${name === undefined ? f.fd : ops.repr(name)} mode='${f.modeString()}' closefd=${f.closefd ? "True" : "False"}>`;
};

// ---------------------------------------------------------------------------------------------------------------
// Buffered streams (one implementation; the type decides which directions are allowed)

export const BufferedReaderType = mk("BufferedReader", BufferedIOBaseType, (cls) => new PyBuffered(cls));
export const BufferedWriterType = mk("BufferedWriter", BufferedIOBaseType, (cls) => new PyBuffered(cls));
export const BufferedRandomType = mk("BufferedRandom", BufferedIOBaseType, (cls) => new PyBuffered(cls));
class PyBuffered extends PyBase {
  raw: PyObject = None;
  size = DEFAULT_BUFFER_SIZE;
  rbuf: Uint8Array = new Uint8Array(0);
  rpos = 0;
  wbuf: Uint8Array[] = [];
  wlen = 0;
  canRead = false;
  canWrite = false;
  detached = false;
  constructor(type: PyType) {
    super(type);
    this.dict = new PyDict();
  }
  avail(): number {
    return this.rbuf.length - this.rpos;
  }
  rawRead(n: number): Uint8Array | null {
    const r = ops.callMethod(this.raw, "read", [n]);
    if (r === None) return null;
    return bytesLike(r);
  }
  take(n: number): Uint8Array {
    const out = this.rbuf.slice(this.rpos, this.rpos + n);
    this.rpos += out.length;
    return out;
  }
  /** Drops the read-ahead, moving the raw position back to the logical one. */
  dropReadAhead(): void {
    if (this.avail() > 0) ops.callMethod(this.raw, "seek", [-this.avail(), 1]);
    this.rbuf = new Uint8Array(0);
    this.rpos = 0;
  }
  flushWrites(): void {
    if (this.wlen === 0) return;
    let data: Uint8Array = new Uint8Array(this.wlen);
    let off = 0;
    for (const c of this.wbuf) {
      data.set(c, off);
      off += c.length;
    }
    this.wbuf = [];
    this.wlen = 0;
    while (data.length) {
      const r = ops.callMethod(this.raw, "write", [new PyBytes(data)]);
      const n = r === None ? 0 : ops.indexNum(r);
      data = data.subarray(n);
    }
  }
}
function BF(x: PyObject, op = ""): PyBuffered {
  const b = x as PyBuffered;
  if (b.detached) throw valueError("raw stream has been detached");
  if (op !== "" && ops.truthy(ops.getAttr(b.raw, "closed"))) throw valueError(`${op} of closed file`);
  return b;
}
function bufInit(canRead: boolean, canWrite: boolean, name: string) {
  return (self: PyObject, args: PyObject[], kw: readonly string[] | null): PyObject => {
    const [raw, size] = parseArgs(name, args, kw, ["raw", "buffer_size"], 1);
    const b = self as PyBuffered;
    if (canRead && !ops.truthy(ops.callMethod(raw!, "readable", []))) throw newException(UnsupportedOperation, '"raw" argument must be readable.');
    if (canWrite && !ops.truthy(ops.callMethod(raw!, "writable", []))) throw newException(UnsupportedOperation, '"raw" argument must be writable.');
    b.raw = raw!;
    b.size = size === undefined ? DEFAULT_BUFFER_SIZE : ops.indexNum(size);
    if (b.size <= 0) throw valueError("buffer size must be strictly positive");
    b.canRead = canRead;
    b.canWrite = canWrite;
    return None;
  };
}
defMethod(BufferedReaderType, "__init__", bufInit(true, false, "BufferedReader"));
defMethod(BufferedWriterType, "__init__", bufInit(false, true, "BufferedWriter"));
defMethod(BufferedRandomType, "__init__", bufInit(true, true, "BufferedRandom"));

for (const T of [BufferedReaderType, BufferedWriterType, BufferedRandomType]) {
  defMethod(T, "read", (self, args) => {
    const b = BF(self, "read");
    if (!b.canRead) unsupported("read");
    b.flushWrites();
    const n = optSize(args);
    if (n < 0) {
      const parts: Uint8Array[] = [b.take(b.avail())];
      for (;;) {
        const c = b.rawRead(DEFAULT_BUFFER_SIZE * 8);
        if (c === null) {
          if (parts.every((p) => p.length === 0)) return None;
          break;
        }
        if (c.length === 0) break;
        parts.push(c);
      }
      return new PyBytes(parts.reduce(concat, new Uint8Array(0)));
    }
    while (b.avail() < n) {
      const c = b.rawRead(Math.max(b.size, n - b.avail()));
      if (c === null || c.length === 0) break;
      b.rbuf = concat(b.rbuf.subarray(b.rpos), c);
      b.rpos = 0;
    }
    return new PyBytes(b.take(n));
  });
  defMethod(T, "read1", (self, args) => {
    const b = BF(self, "read of closed file".startsWith("r") ? "read" : "");
    if (!b.canRead) unsupported("read");
    b.flushWrites();
    let n = optSize(args);
    if (n < 0) n = b.size;
    if (n === 0) return new PyBytes(new Uint8Array(0));
    if (b.avail() > 0) return new PyBytes(b.take(Math.min(n, b.avail())));
    const c = b.rawRead(Math.max(n, b.size));
    if (c === null) return None;
    b.rbuf = c;
    b.rpos = 0;
    return new PyBytes(b.take(n));
  });
  defMethod(T, "peek", (self) => {
    const b = BF(self, "peek");
    if (!b.canRead) unsupported("peek");
    b.flushWrites();
    if (b.avail() === 0) {
      const c = b.rawRead(b.size);
      if (c !== null) {
        b.rbuf = c;
        b.rpos = 0;
      }
    }
    return new PyBytes(b.rbuf.slice(b.rpos));
  });
  defMethod(T, "readinto", (self, args) => {
    const b = BF(self, "readinto");
    return readIntoFrom(args[0], (n) => bytesLike(ops.callMethod(b, "read", [n])));
  });
  defMethod(T, "readline", (self, args) => {
    const b = BF(self, "readline");
    if (!b.canRead) unsupported("readline");
    b.flushWrites();
    const limit = optSize(args);
    let out: Uint8Array = new Uint8Array(0);
    for (;;) {
      const rest = b.rbuf.subarray(b.rpos);
      let i = rest.indexOf(10);
      const room = limit < 0 ? Infinity : limit - out.length;
      if (i >= 0 && i < room) {
        out = concat(out, b.take(i + 1));
        break;
      }
      if (rest.length >= room) {
        out = concat(out, b.take(room));
        break;
      }
      out = concat(out, b.take(rest.length));
      const c = b.rawRead(b.size);
      if (c === null || c.length === 0) break;
      b.rbuf = c;
      b.rpos = 0;
      i = -1;
    }
    return new PyBytes(out);
  });
  defMethod(T, "write", (self, args) => {
    const b = BF(self, "write to closed file".length ? "write" : "");
    if (!b.canWrite) unsupported("write");
    const data = bytesLike(args[0]).slice();
    if (b.canRead && b.avail() > 0) b.dropReadAhead();
    b.wbuf.push(data);
    b.wlen += data.length;
    if (b.wlen >= b.size) b.flushWrites();
    return data.length;
  });
  defMethod(T, "flush", (self) => {
    const b = BF(self, "flush");
    b.flushWrites();
    return None;
  });
  defMethod(T, "seek", (self, args) => {
    const b = BF(self, "seek");
    let pos = ops.indexNum(args[0]);
    const whence = args.length > 1 ? ops.indexNum(args[1]) : 0;
    if (whence < 0 || whence > 2) throw valueError(`whence value ${whence} unsupported`);
    b.flushWrites();
    if (whence === 1) pos -= b.avail();
    b.rbuf = new Uint8Array(0);
    b.rpos = 0;
    return ops.callMethod(b.raw, "seek", [pos, whence]);
  });
  defMethod(T, "tell", (self) => {
    const b = BF(self);
    const r = ops.indexNum(ops.callMethod(b.raw, "tell", []));
    return Math.max(0, r - b.avail() + b.wlen);
  });
  defMethod(T, "truncate", (self, args) => {
    const b = BF(self, "truncate");
    if (!b.canWrite) unsupported("truncate");
    b.flushWrites();
    const pos = args.length && args[0] !== None ? args[0] : ops.callMethod(self, "tell", []);
    b.dropReadAhead();
    return ops.callMethod(b.raw, "truncate", [pos]);
  });
  defMethod(T, "close", (self) => {
    const b = BF(self);
    if (ops.truthy(ops.getAttr(b.raw, "closed"))) return None;
    try {
      b.flushWrites();
    } finally {
      ops.callMethod(b.raw, "close", []);
    }
    return None;
  });
  defMethod(T, "detach", (self) => {
    const b = BF(self);
    b.flushWrites();
    b.detached = true;
    return b.raw;
  });
  for (const m of ["fileno", "isatty"]) defMethod(T, m, (self) => ops.callMethod(BF(self).raw, m, []));
  defMethod(T, "seekable", (self) => ops.callMethod(BF(self).raw, "seekable", []));
  defMethod(T, "readable", (self) => BF(self).canRead && ops.truthy(ops.callMethod(BF(self).raw, "readable", [])));
  defMethod(T, "writable", (self) => BF(self).canWrite && ops.truthy(ops.callMethod(BF(self).raw, "writable", [])));
  defGetSet(T, "raw", (self) => BF(self).raw);
  defGetSet(T, "closed", (self) => ops.getAttr(BF(self).raw, "closed"));
  defGetSet(T, "name", (self) => ops.getAttr(BF(self).raw, "name"));
  defGetSet(T, "mode", (self) => ops.getAttr(BF(self).raw, "mode"));
  T.slots.repr = (self) => {
    const name = ops.getAttrOpt(BF(self).raw, "name");
    return name === undefined ? `<_io.${T.name}>` : `<_io.${T.name} name=${ops.repr(name)}>`;
  };
}

// BufferedRWPair: a reader and a writer glued together
export const BufferedRWPairType = mk("BufferedRWPair", BufferedIOBaseType, (cls) => new PyRWPair(cls));
class PyRWPair extends PyBase {
  reader: PyObject = None;
  writer: PyObject = None;
  constructor(type: PyType) {
    super(type);
    this.dict = new PyDict();
  }
}
defMethod(BufferedRWPairType, "__init__", (self, args, kw) => {
  const [r, w, size] = parseArgs("BufferedRWPair", args, kw, ["reader", "writer", "buffer_size"], 2);
  const p = self as PyRWPair;
  p.reader = ops.call(BufferedReaderType, size === undefined ? [r!] : [r!, size]);
  p.writer = ops.call(BufferedWriterType, size === undefined ? [w!] : [w!, size]);
  return None;
});
for (const m of ["read", "read1", "readinto", "readline", "peek", "readable"]) defMethod(BufferedRWPairType, m, (self, args) => ops.callMethod((self as PyRWPair).reader, m, args));
for (const m of ["write", "flush", "writable"]) defMethod(BufferedRWPairType, m, (self, args) => ops.callMethod((self as PyRWPair).writer, m, args));
defMethod(BufferedRWPairType, "close", (self) => {
  try {
    ops.callMethod((self as PyRWPair).writer, "close", []);
  } finally {
    ops.callMethod((self as PyRWPair).reader, "close", []);
  }
  return None;
});
defMethod(BufferedRWPairType, "isatty", (self) => ops.truthy(ops.callMethod((self as PyRWPair).reader, "isatty", [])) || ops.truthy(ops.callMethod((self as PyRWPair).writer, "isatty", [])));
defGetSet(BufferedRWPairType, "closed", (self) => ops.getAttr((self as PyRWPair).writer, "closed"));

// ---------------------------------------------------------------------------------------------------------------
// TextIOWrapper

interface Codec {
  decode(data: Uint8Array, final: boolean): string;
  encode(s: string): Uint8Array;
  reset(): void;
}
function normEncoding(e: string): string {
  return e.toLowerCase().replace(/_/g, "-");
}
/** A codec for the stream: TS fast paths for utf-8/latin-1/ascii in the common error modes, else Python's incremental codecs. */
function makeCodec(encoding: string, errors: string): Codec {
  const e = normEncoding(encoding);
  const pyDecode = (data: Uint8Array): string => ops.pyStr(ops.callMethod(new PyBytes(data), "decode", [encoding, errors]));
  const pyEncode = (s: string): Uint8Array => bytesLike(ops.callMethod(s, "encode", [encoding, errors]));
  if ((e === "utf-8" || e === "utf8" || e === "u8") && (errors === "strict" || errors === "replace")) {
    let dec = new TextDecoder("utf-8", { fatal: errors === "strict", ignoreBOM: true });
    return {
      decode(data, final) {
        try {
          return dec.decode(data, { stream: !final });
        } catch {
          dec = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
          return pyDecode(data); // raises CPython's UnicodeDecodeError
        }
      },
      encode: (s) => (/[\ud800-\udfff]/.test(s) ? pyEncode(s) : new Uint8Array(Buffer.from(s, "utf8"))),
      reset() {
        dec = new TextDecoder("utf-8", { fatal: errors === "strict", ignoreBOM: true });
      },
    };
  }
  if ((e === "latin-1" || e === "latin1" || e === "iso-8859-1" || e === "iso8859-1") && errors === "strict") {
    return {
      decode: (data) => Buffer.from(data).toString("latin1"),
      encode: (s) => (/[^\x00-\xff]/.test(s) ? pyEncode(s) : new Uint8Array(Buffer.from(s, "latin1"))),
      reset() {},
    };
  }
  // general case: codecs.getincrementaldecoder/encoder (stateful encodings such as utf-16 work across chunks)
  const codecs = importModule("codecs");
  let dec = ops.call(ops.call(ops.getAttr(codecs, "getincrementaldecoder"), [encoding]), [errors]);
  let enc = ops.call(ops.call(ops.getAttr(codecs, "getincrementalencoder"), [encoding]), [errors]);
  return {
    decode: (data, final) => ops.pyStr(ops.callMethod(dec, "decode", [new PyBytes(data), final])),
    encode: (s) => bytesLike(ops.callMethod(enc, "encode", [s])),
    reset() {
      dec = ops.call(ops.call(ops.getAttr(codecs, "getincrementaldecoder"), [encoding]), [errors]);
      enc = ops.call(ops.call(ops.getAttr(codecs, "getincrementalencoder"), [encoding]), [errors]);
    },
  };
}

export const TextIOWrapperType = mk("TextIOWrapper", TextIOBaseType, (cls) => new PyTextIOWrapper(cls));
class PyTextIOWrapper extends PyBase {
  buffer: PyObject = None;
  encoding = "utf-8";
  errors = "strict";
  newline: string | null = null;
  lineBuffering = false;
  writeThrough = false;
  codec!: Codec;
  /** decoded, untranslated text not yet returned */
  pending = "";
  eof = false;
  seen = 0;
  detached = false;
  constructor(type: PyType) {
    super(type);
    this.dict = new PyDict();
  }
  /** Reads one chunk from the buffer into `pending`; false at EOF. */
  fill(): boolean {
    if (this.eof) return false;
    const r = ops.callMethod(this.buffer, ops.getAttrOpt(this.buffer, "read1") !== undefined ? "read1" : "read", [DEFAULT_BUFFER_SIZE]);
    const data = r === None ? new Uint8Array(0) : bytesLike(r);
    if (data.length === 0) {
      this.eof = true;
      this.pending += this.codec.decode(new Uint8Array(0), true);
      return false;
    }
    this.pending += this.codec.decode(data, false);
    return true;
  }
  /** Translates newlines of text read (universal mode), tracking which kinds were seen. */
  translate(s: string): string {
    if (this.newline !== null) return s;
    if (s.includes("\r")) {
      if (/\r\n/.test(s)) this.seen |= 4;
      if (/\r(?!\n)/.test(s)) this.seen |= 2;
      if (/(^|[^\r])\n/.test(s)) this.seen |= 1;
      return s.replace(/\r\n?/g, "\n");
    }
    if (s.includes("\n")) this.seen |= 1;
    return s;
  }
  /** Index just after the first line ending in pending (per the newline mode), or -1. */
  lineEnd(): number {
    const p = this.pending;
    if (this.newline === "\n") {
      const i = p.indexOf("\n");
      return i < 0 ? -1 : i + 1;
    }
    if (this.newline === "\r" || this.newline === "\r\n") {
      const i = p.indexOf(this.newline);
      return i < 0 ? -1 : i + this.newline.length;
    }
    // universal (None or ""): \r\n, \r, \n; a trailing \r needs the next char unless at EOF
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c === 10) return i + 1;
      if (c === 13) {
        if (i + 1 < p.length) return p.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        return this.eof ? i + 1 : -1;
      }
    }
    return -1;
  }
}
function TW(x: PyObject, checkClosed = true): PyTextIOWrapper {
  const t = x as PyTextIOWrapper;
  if (t.detached) throw valueError("underlying buffer has been detached");
  if (checkClosed && ops.truthy(ops.getAttr(t.buffer, "closed"))) throw valueError("I/O operation on closed file.");
  return t;
}
function strOrNone(x: PyObject | undefined, what: string): string | null {
  if (x === undefined || x === None) return null;
  if (!isStr(x)) throw typeError(`TextIOWrapper() argument '${what}' must be str or None, not ${typeOf(x).name}`);
  return strValue(x);
}
function configure(t: PyTextIOWrapper, encoding: string | null, errors: string | null, newline: PyObject | undefined, lb: PyObject | undefined, wt: PyObject | undefined, init: boolean): void {
  if (encoding !== null) {
    const codecs = importModule("codecs");
    ops.call(ops.getAttr(codecs, "lookup"), [encoding]); // LookupError: unknown encoding
    t.encoding = encoding;
    if (errors === null) t.errors = "strict";
  } else if (init) t.encoding = "utf-8";
  if (errors !== null) t.errors = errors;
  if (newline !== undefined) {
    const nl = newline === None ? null : isStr(newline) ? strValue(newline) : (() => {
      throw typeError(`TextIOWrapper() argument 'newline' must be str or None, not ${typeOf(newline).name}`);
    })();
    if (nl !== null && !["", "\n", "\r", "\r\n"].includes(nl)) throw valueError(`illegal newline value: ${nl}`);
    t.newline = nl;
  }
  if (lb !== undefined && lb !== None) t.lineBuffering = ops.truthy(lb);
  if (wt !== undefined && wt !== None) t.writeThrough = ops.truthy(wt);
  t.codec = makeCodec(t.encoding, t.errors);
}
defMethod(TextIOWrapperType, "__init__", (self, args, kw) => {
  const [buffer, encoding, errors, newline, lb, wt] = parseArgs("TextIOWrapper", args, kw, ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], 1);
  const t = self as PyTextIOWrapper;
  t.buffer = buffer!;
  t.newline = null;
  let enc = strOrNone(encoding, "encoding");
  if (enc === "locale") enc = "UTF-8";
  configure(t, enc, strOrNone(errors, "errors"), newline ?? None, lb, wt, true);
  return None;
});
defMethod(TextIOWrapperType, "reconfigure", (self, args, kw) => {
  const [encoding, errors, newline, lb, wt] = parseArgs("reconfigure", args, kw, ["encoding", "errors", "newline", "line_buffering", "write_through"], 0, 0, 0);
  const t = TW(self);
  ops.callMethod(t.buffer, "flush", []);
  configure(t, strOrNone(encoding, "encoding"), strOrNone(errors, "errors"), newline, lb, wt, false);
  return None;
});
function checkReadable(t: PyTextIOWrapper): void {
  if (!ops.truthy(ops.callMethod(t.buffer, "readable", []))) unsupported("not readable");
}
defMethod(TextIOWrapperType, "read", (self, args) => {
  const t = TW(self);
  checkReadable(t);
  const n = optSize(args);
  if (n < 0) {
    const r = ops.callMethod(t.buffer, "read", []);
    const data = r === None ? new Uint8Array(0) : bytesLike(r);
    t.pending += t.codec.decode(data, true);
    t.eof = true;
    const s = t.translate(t.pending);
    t.pending = "";
    return s;
  }
  // enough decoded text for n translated characters (+1 so a \r\n pair is not split)
  while (Array.from(t.translate(t.pending)).length <= n && t.fill());
  let take = 0;
  let count = 0;
  const p = t.pending;
  while (take < p.length && count < n) {
    const c = p.charCodeAt(take);
    if (t.newline === null && c === 13 && p.charCodeAt(take + 1) === 10) take += 2;
    else take += c >= 0xd800 && c < 0xdc00 && take + 1 < p.length ? 2 : 1;
    count++;
  }
  const s = t.translate(p.slice(0, take));
  t.pending = p.slice(take);
  return s;
});
defMethod(TextIOWrapperType, "readline", (self, args) => {
  const t = TW(self);
  checkReadable(t);
  const limit = optSize(args);
  for (;;) {
    const end = t.lineEnd();
    if (end >= 0 && (limit < 0 || end <= limit)) {
      const line = t.pending.slice(0, end);
      t.pending = t.pending.slice(end);
      return t.translate(line);
    }
    if (limit >= 0 && t.pending.length >= limit) {
      const line = t.pending.slice(0, limit);
      t.pending = t.pending.slice(limit);
      return t.translate(line);
    }
    if (!t.fill()) {
      const end2 = t.lineEnd();
      const cut = end2 >= 0 ? end2 : t.pending.length;
      const line = t.pending.slice(0, cut);
      t.pending = t.pending.slice(cut);
      return t.translate(line);
    }
  }
});
TextIOWrapperType.slots.next = (self) => {
  const l = ops.callMethod(self, "readline", []) as string;
  return l === "" ? undefined : l;
};
defMethod(TextIOWrapperType, "__next__", (self) => {
  const l = ops.callMethod(self, "readline", []) as string;
  if (l === "") throw newException(ops.getAttr(importModule("builtins"), "StopIteration") as PyType);
  return l;
});
defMethod(TextIOWrapperType, "write", (self, args) => {
  const t = TW(self);
  const v = args[0];
  if (!isStr(v)) throw typeError(`write() argument must be str, not ${typeOf(v).name}`);
  if (!ops.truthy(ops.callMethod(t.buffer, "writable", []))) unsupported("not writable");
  let s = strValue(v);
  const hasNl = s.includes("\n") || s.includes("\r");
  if (t.newline !== null && t.newline !== "" && t.newline !== "\n" && s.includes("\n")) s = s.replace(/\n/g, t.newline);
  if (t.pending !== "" && ops.truthy(ops.callMethod(t.buffer, "seekable", []))) rewindPending(t);
  ops.callMethod(t.buffer, "write", [new PyBytes(t.codec.encode(s))]);
  if ((t.lineBuffering && hasNl) || t.writeThrough) ops.callMethod(t.buffer, "flush", []);
  return ops.strLen(strValue(v));
});
/** Before writing after a read: move the buffer back over decoded-but-unread text. */
function rewindPending(t: PyTextIOWrapper): void {
  const back = t.codec.encode(t.pending).length;
  t.pending = "";
  t.eof = false;
  t.codec.reset();
  ops.callMethod(t.buffer, "seek", [-back, 1]);
}
defMethod(TextIOWrapperType, "flush", (self) => {
  const t = TW(self);
  ops.callMethod(t.buffer, "flush", []);
  return None;
});
defMethod(TextIOWrapperType, "close", (self) => {
  const t = TW(self, false);
  if (ops.truthy(ops.getAttr(t.buffer, "closed"))) return None;
  try {
    ops.callMethod(t.buffer, "flush", []);
  } finally {
    ops.callMethod(t.buffer, "close", []);
  }
  return None;
});
defMethod(TextIOWrapperType, "tell", (self) => {
  const t = TW(self);
  if (!ops.truthy(ops.callMethod(t.buffer, "seekable", []))) unsupported("underlying stream is not seekable");
  ops.callMethod(t.buffer, "flush", []);
  const pos = ops.indexNum(ops.callMethod(t.buffer, "tell", []));
  return pos - t.codec.encode(t.pending).length;
});
defMethod(TextIOWrapperType, "seek", (self, args) => {
  const t = TW(self);
  const cookie = ops.indexNum(args[0]);
  const whence = args.length > 1 ? ops.indexNum(args[1]) : 0;
  if (!ops.truthy(ops.callMethod(t.buffer, "seekable", []))) unsupported("underlying stream is not seekable");
  if (whence === 1 && cookie !== 0) unsupported("can't do nonzero cur-relative seeks");
  if (whence === 2 && cookie !== 0) unsupported("can't do nonzero end-relative seeks");
  if (whence < 0 || whence > 2) throw valueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
  if (whence === 0 && cookie < 0) throw valueError(`negative seek position ${cookie}`);
  ops.callMethod(t.buffer, "flush", []);
  if (whence === 1) return ops.callMethod(self, "tell", []);
  t.pending = "";
  t.eof = false;
  t.codec.reset();
  return ops.callMethod(t.buffer, "seek", [cookie, whence]);
});
defMethod(TextIOWrapperType, "truncate", (self, args) => {
  const t = TW(self);
  ops.callMethod(t.buffer, "flush", []);
  const pos = args.length && args[0] !== None ? args[0] : ops.callMethod(self, "tell", []);
  return ops.callMethod(t.buffer, "truncate", [pos]);
});
defMethod(TextIOWrapperType, "detach", (self) => {
  const t = TW(self, false);
  ops.callMethod(t.buffer, "flush", []);
  t.detached = true;
  return t.buffer;
});
for (const m of ["fileno", "isatty", "seekable", "readable", "writable"]) defMethod(TextIOWrapperType, m, (self) => ops.callMethod(TW(self, m !== "fileno").buffer, m, []));
defGetSet(TextIOWrapperType, "closed", (self) => ops.getAttr(TW(self, false).buffer, "closed"));
defGetSet(TextIOWrapperType, "name", (self) => ops.getAttr(TW(self, false).buffer, "name"));
defGetSet(TextIOWrapperType, "buffer", (self) => TW(self, false).buffer);
defGetSet(TextIOWrapperType, "encoding", (self) => TW(self, false).encoding);
defGetSet(TextIOWrapperType, "errors", (self) => TW(self, false).errors);
defGetSet(TextIOWrapperType, "line_buffering", (self) => TW(self, false).lineBuffering);
defGetSet(TextIOWrapperType, "write_through", (self) => TW(self, false).writeThrough);
defGetSet(TextIOWrapperType, "newlines", (self) => newlinesValue(TW(self, false).seen));
TextIOWrapperType.slots.repr = (self) => {
  const t = self as PyTextIOWrapper;
  let s = "<_io.TextIOWrapper";
  const name = ops.getAttrOpt(self, "name");
  if (name !== undefined) s += ` name=${ops.repr(name)}`;
  const mode = t.dict!.getStr("mode");
  if (mode !== undefined) s += ` mode=${ops.repr(mode)}`;
  return `${s} encoding=${ops.repr(t.encoding)}>`;
};

// ---------------------------------------------------------------------------------------------------------------
// IncrementalNewlineDecoder (universal-newline translation on top of an optional decoder, as io.py re-exports it)

export const IncrementalNewlineDecoderType = mk("IncrementalNewlineDecoder", ObjectType, (cls) => new PyNLDecoder(cls));
class PyNLDecoder extends PyBase {
  decoder: PyObject = None;
  translate = false;
  errors: PyObject = "strict";
  pendingCR = false;
  seen = 0;
  constructor(type: PyType) {
    super(type);
  }
}
defMethod(IncrementalNewlineDecoderType, "__init__", (self, args, kw) => {
  const [decoder, translate, errors] = parseArgs("IncrementalNewlineDecoder", args, kw, ["decoder", "translate", "errors"], 2);
  const d = self as PyNLDecoder;
  d.decoder = decoder!;
  d.translate = ops.truthy(translate!);
  d.errors = errors ?? "strict";
  d.pendingCR = false;
  d.seen = 0;
  return None;
});
defMethod(IncrementalNewlineDecoderType, "decode", (self, args, kw) => {
  const [input, finalA] = parseArgs("decode", args, kw, ["input", "final"], 1);
  const d = self as PyNLDecoder;
  const final = finalA !== undefined && ops.truthy(finalA);
  let out = d.decoder === None ? ops.pyStr(input!) : ops.pyStr(ops.callMethod(d.decoder, "decode", [input!, final]));
  if (d.pendingCR && (out !== "" || final)) {
    out = "\r" + out;
    d.pendingCR = false;
  }
  // a trailing \r may start a \r\n split across calls
  if (out.endsWith("\r") && !final) {
    out = out.slice(0, -1);
    d.pendingCR = true;
  }
  const crlf = (out.match(/\r\n/g) ?? []).length;
  const cr = (out.match(/\r/g) ?? []).length - crlf;
  const lf = (out.match(/\n/g) ?? []).length - crlf;
  if (lf) d.seen |= 1;
  if (cr) d.seen |= 2;
  if (crlf) d.seen |= 4;
  if (d.translate && (cr || crlf)) out = out.replace(/\r\n?/g, "\n");
  return out;
});
defMethod(IncrementalNewlineDecoderType, "getstate", (self) => {
  const d = self as PyNLDecoder;
  let buf: PyObject = new PyBytes(new Uint8Array(0));
  let flag = 0;
  if (d.decoder !== None) {
    const st = ops.callMethod(d.decoder, "getstate", []);
    const items = ops.toArray(st);
    buf = items[0];
    flag = ops.indexNum(items[1]);
  }
  return makeTuple([buf, flag * 2 + (d.pendingCR ? 1 : 0)]);
});
defMethod(IncrementalNewlineDecoderType, "setstate", (self, args) => {
  const d = self as PyNLDecoder;
  const [buf, flag] = ops.toArray(args[0]);
  const f = ops.indexNum(flag);
  d.pendingCR = (f & 1) !== 0;
  if (d.decoder !== None) ops.callMethod(d.decoder, "setstate", [makeTuple([buf, Math.floor(f / 2)])]);
  return None;
});
defMethod(IncrementalNewlineDecoderType, "reset", (self) => {
  const d = self as PyNLDecoder;
  d.seen = 0;
  d.pendingCR = false;
  if (d.decoder !== None) ops.callMethod(d.decoder, "reset", []);
  return None;
});
defGetSet(IncrementalNewlineDecoderType, "newlines", (self) => {
  const s = (self as PyNLDecoder).seen;
  return newlinesValue(s);
});
function newlinesValue(s: number): PyObject {
  const table: PyObject[] = [None, "\n", "\r", makeTuple(["\r", "\n"]), "\r\n", makeTuple(["\n", "\r\n"]), makeTuple(["\r", "\r\n"]), makeTuple(["\r", "\n", "\r\n"])];
  return table[s];
}
function makeTuple(items: PyObject[]): PyObject {
  return new PyTuple(items);
}

// ---------------------------------------------------------------------------------------------------------------
// open()

function openImpl(args: PyObject[], kw: readonly string[] | null): PyObject {
  const [file, modeA, bufA, encA, errA, nlA, closefdA, opener] = parseArgs("open", args, kw, ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1);
  if (!isStr(file!) && !(file instanceof PyBytes) && !isInt(file!) && typeOf(file!).lookup("__fspath__") === undefined) {
    throw typeError(`expected str, bytes or os.PathLike object, not ${typeOf(file!).name}`);
  }
  if (modeA !== undefined && !isStr(modeA)) throw typeError(`open() argument 'mode' must be str, not ${typeOf(modeA).name}`);
  const mode = modeA === undefined ? "r" : strValue(modeA);
  const buffering = bufA === undefined ? -1 : ops.indexNum(bufA);
  const encoding = encA === undefined || encA === None ? null : isStr(encA) ? strValue(encA) : (() => { throw typeError(`open() argument 'encoding' must be str or None, not ${typeOf(encA).name}`); })();
  const errors = errA === undefined || errA === None ? null : isStr(errA) ? strValue(errA) : (() => { throw typeError(`open() argument 'errors' must be str or None, not ${typeOf(errA).name}`); })();
  const newline = nlA === undefined ? None : nlA;
  const chars = new Set(mode);
  if ([...mode].some((c) => !"axrwb+t".includes(c)) || chars.size !== mode.length) throw valueError(`invalid mode: '${mode}'`);
  const creating = chars.has("x");
  const reading = chars.has("r");
  const writing = chars.has("w");
  const appending = chars.has("a");
  const updating = chars.has("+");
  const text = chars.has("t");
  const binary = chars.has("b");
  if (text && binary) throw valueError("can't have text and binary mode at once");
  if (Number(creating) + Number(reading) + Number(writing) + Number(appending) > 1) throw valueError("must have exactly one of create/read/write/append mode");
  if (!(creating || reading || writing || appending)) throw valueError("Must have exactly one of create/read/write/append mode and at most one plus");
  if (binary && encoding !== null) throw valueError("binary mode doesn't take an encoding argument");
  if (binary && errors !== null) throw valueError("binary mode doesn't take an errors argument");
  if (binary && newline !== None) throw valueError("binary mode doesn't take a newline argument");
  if (binary && buffering === 1) {
    ops.call(ops.getAttr(importModule("warnings"), "warn"), ["line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used", ops.getAttr(importModule("builtins"), "RuntimeWarning"), 2]);
  }
  const rawMode = (creating ? "x" : "") + (reading ? "r" : "") + (writing ? "w" : "") + (appending ? "a" : "") + (updating ? "+" : "");
  const raw = ops.call(FileIOType, [file!, rawMode, closefdA === undefined ? true : ops.truthy(closefdA), opener ?? None]);
  let result: PyObject = raw;
  try {
    let size = buffering;
    let lineBuffering = false;
    if (buffering === 1 || (buffering < 0 && ops.truthy(ops.callMethod(raw, "isatty", [])))) {
      size = -1;
      lineBuffering = true;
    }
    if (size < 0) size = DEFAULT_BUFFER_SIZE;
    if (size === 0) {
      if (binary) return result;
      throw valueError("can't have unbuffered text I/O");
    }
    const BT = updating ? BufferedRandomType : creating || writing || appending ? BufferedWriterType : BufferedReaderType;
    const buffer = ops.call(BT, [raw, size]);
    result = buffer;
    if (binary) return result;
    const t = ops.call(TextIOWrapperType, [buffer, encoding ?? None, errors ?? None, newline, lineBuffering]);
    result = t;
    (t as PyBase).dict!.setStr("mode", mode);
    return t;
  } catch (e) {
    try {
      ops.callMethod(result, "close", []);
    } catch {
      /* keep the original error */
    }
    throw e;
  }
}

export const openFunction = builtinFunction("open", openImpl, "_io");

registerIoExtras({
  open: openFunction,
  open_code: builtinFunction("open_code", (args) => openImpl([args[0], "rb"], null), "_io"),
  FileIO: FileIOType,
  BufferedReader: BufferedReaderType,
  BufferedWriter: BufferedWriterType,
  BufferedRandom: BufferedRandomType,
  BufferedRWPair: BufferedRWPairType,
  TextIOWrapper: TextIOWrapperType,
  IncrementalNewlineDecoder: IncrementalNewlineDecoderType,
});
void IOBaseType;

// ---------------------------------------------------------------------------------------------------------------
// sys.stdin/stdout/stderr (stdio.ts's fast fd streams) become a subclass of TextIOWrapper, so isinstance checks and
// io-generic code see the CPython type; the methods TextIOWrapper has and the fast streams lack are defined here for
// them (the TextIOWrapper ones assume the layered object).
StdTextType.base = TextIOWrapperType;
StdTextType.bases = [TextIOWrapperType];
StdTextType.mro = computeMro(StdTextType);
defMethod(StdTextType, "__init__", () => {
  throw typeError("the standard streams cannot be re-initialised");
});
defMethod(StdTextType, "__next__", (self) => {
  const l = ops.callMethod(self, "readline", []) as string;
  if (l === "") throw newException(ops.getAttr(importModule("builtins"), "StopIteration") as PyType);
  return l;
});
for (const m of ["seek", "tell", "truncate"]) defMethod(StdTextType, m, () => unsupported("underlying stream is not seekable"));
defMethod(StdTextType, "detach", () => {
  throw notImplementedError("detach() of the standard streams is not supported by pypack");
});
defGetSet(StdTextType, "write_through", (self) => (self as PyTextStream).writeThrough);
