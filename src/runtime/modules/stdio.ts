// Standard streams (sys.stdin/stdout/stderr: fast text streams over file descriptors 0/1/2, made a subclass of
// _io.TextIOWrapper by _io/files.ts); buffered output is flushed at exit. The real open() is _io/files.ts's (registered
// through setOpenFunction); simpleOpen below is only the fallback used before _io/files.ts is loaded.
import * as fs from "node:fs";
import {
  makeBuiltinType,
  ObjectType,
  PyBase,
  PyObject,
  PyType,
  None,
  PyBytes,
  PyList,
  typeError,
  valueError,
  newException,
  excTypes,
  typeOf,
  isStr,
  strValue,
  PyByteArray,
  OSErrorType,
} from "../core";
import * as ops from "../ops";
import { importModule } from "../import";
import { frozenPath } from "../archive";
import { BytesIOType, StringIOType } from "./_io";
import { defGetSet, defMethod, parseArgs, builtinFunction, defStaticMethod } from "../define";

/** Lazily bound accessor for sys attributes (set by sys.ts). */
let sysDict: (() => { getStr(n: string): PyObject | undefined }) | null = null;
export function bindSys(f: () => { getStr(n: string): PyObject | undefined }): void {
  sysDict = f;
}

export const TextIOType = makeBuiltinType("TextIOWrapper", ObjectType);
TextIOType.dict.setStr("__module__", "_io");
export const BufferedIOType = makeBuiltinType("BufferedWriter", ObjectType);
BufferedIOType.dict.setStr("__module__", "_io");

/** A text stream over a file descriptor or an in-memory file (for open()). */
export class PyTextStream extends PyBase {
  out = "";
  /** pending decoded input not yet consumed */
  inBuf = "";
  eof = false;
  closed = false;
  lineBuffered: boolean;
  /** PYTHONUNBUFFERED: every write goes straight to the fd (CPython's write_through standard streams) */
  writeThrough: boolean;
  buffer: PyBinaryStream;
  /** the binary object a TextIOWrapper(...) was built over (closed with it) */
  source: PyObject | null = null;
  constructor(
    public fd: number,
    public name: PyObject,
    public mode: string,
    public encoding = "utf-8",
    public errors = "strict",
    type: PyType = TextIOType,
  ) {
    super(type);
    let tty = false;
    try {
      tty = fd >= 0 && fs.fstatSync(fd).isCharacterDevice();
    } catch {
      tty = false;
    }
    this.writeThrough = (process.env.PYTHONUNBUFFERED ?? "") !== "";
    this.lineBuffered = !this.writeThrough && (tty || fd === 2);
    this.buffer = new PyBinaryStream(this);
  }
  write(s: string): void {
    if (this.closed) throw valueError("I/O operation on closed file.");
    if (!isUtf8Name(this.encoding) || LONE_SURROGATE.test(s)) {
      // encode now, so a UnicodeEncodeError surfaces at write() as in CPython (and non-UTF-8 PYTHONIOENCODING works)
      const data = ops.callMethod(s, "encode", [this.encoding, this.errors]);
      this.flush();
      if (data instanceof PyBytes) writeAll(this.fd, Buffer.from(data.data));
      return;
    }
    this.out += s;
    if (this.writeThrough || this.fd === 2 || this.out.length > 65536 || (this.lineBuffered && s.includes("\n"))) this.flush();
  }
  flush(): void {
    if (this.out.length === 0 || this.fd < 0) return;
    const data = Buffer.from(this.out, "utf8");
    this.out = "";
    writeAll(this.fd, data);
  }
  /** Reads more input from the fd into inBuf; returns false at EOF. */
  fill(): boolean {
    if (this.eof || this.fd < 0) return false;
    const buf = Buffer.alloc(65536);
    let n: number;
    try {
      n = fs.readSync(this.fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EAGAIN") return this.fill();
      if (code === "EOF") n = 0;
      else throw e;
    }
    if (n === 0) {
      this.eof = true;
      return false;
    }
    // other encodings decode chunk by chunk (exact for the single-byte ones)
    this.inBuf += isUtf8Name(this.encoding) ? pendingDecode(this, buf.subarray(0, n)) : codecDecode(buf.subarray(0, n), this.encoding, this.errors).replace(/\r\n/g, "\n");
    return true;
  }
  readline(limit = -1): string {
    for (;;) {
      const i = this.inBuf.indexOf("\n");
      if (i >= 0 && (limit < 0 || i < limit)) {
        const line = this.inBuf.slice(0, i + 1);
        this.inBuf = this.inBuf.slice(i + 1);
        return line;
      }
      if (limit >= 0 && this.inBuf.length >= limit) {
        const line = this.inBuf.slice(0, limit);
        this.inBuf = this.inBuf.slice(limit);
        return line;
      }
      if (!this.fill()) {
        const line = this.inBuf;
        this.inBuf = "";
        return line;
      }
    }
  }
  read(n = -1): string {
    if (n < 0) {
      while (this.fill());
      const s = this.inBuf;
      this.inBuf = "";
      return s;
    }
    while (this.inBuf.length < n && this.fill());
    const s = this.inBuf.slice(0, n);
    this.inBuf = this.inBuf.slice(n);
    return s;
  }
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function isUtf8Name(e: string): boolean {
  const n = e.toLowerCase().replace(/_/g, "-");
  return n === "utf-8" || n === "utf8" || n === "u8";
}
const partial = new WeakMap<PyTextStream, Buffer>();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/** bytes.decode(encoding, errors) through the codec machinery (exact error handlers and messages). */
function codecDecode(d: Uint8Array, enc: string, errors: string): string {
  return ops.pyStr(ops.callMethod(new PyBytes(new Uint8Array(d)), "decode", [enc, errors]));
}
function pendingDecode(s: PyTextStream, chunk: Buffer): string {
  const prev = partial.get(s);
  const all = prev ? Buffer.concat([prev, chunk]) : chunk;
  // keep an incomplete UTF-8 sequence for the next read
  let end = all.length;
  let k = end - 1;
  let back = 0;
  while (k >= 0 && back < 4 && (all[k] & 0xc0) === 0x80) {
    k--;
    back++;
  }
  if (k >= 0) {
    const b = all[k];
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back + 1) end = k;
  }
  partial.set(s, all.subarray(end));
  const part = all.subarray(0, end);
  let text: string;
  try {
    text = strictUtf8.decode(part);
  } catch {
    text = codecDecode(part, s.encoding, s.errors); // invalid UTF-8: the stream's error handler decides (or raises)
  }
  return text.replace(/\r\n/g, "\n");
}
function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += fs.writeSync(fd, data, off, data.length - off);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EAGAIN") continue;
      if (code === "EPIPE") {
        throw newException(excTypes.get("BrokenPipeError")!, [32, "Broken pipe"]);
      }
      throw e;
    }
  }
}

/** The binary layer (`sys.stdout.buffer`). */
export class PyBinaryStream extends PyBase {
  constructor(public text: PyTextStream) {
    super(BufferedIOType);
  }
}
defMethod(BufferedIOType, "write", (self, args) => {
  const b = args[0];
  const t = (self as PyBinaryStream).text;
  t.flush();
  const data = b instanceof PyBytes ? b.data : b instanceof PyByteArray ? b.data.subarray(0, b.length) : null;
  if (data === null) throw typeError(`a bytes-like object is required, not '${typeOf(b).name}'`);
  writeAll(t.fd, Buffer.from(data));
  return data.length;
});
defMethod(BufferedIOType, "flush", (self) => {
  (self as PyBinaryStream).text.flush();
  return None;
});
defMethod(BufferedIOType, "read", (self, args) => {
  const t = (self as PyBinaryStream).text;
  const chunks: Buffer[] = [];
  const n = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  let total = 0;
  const buf = Buffer.alloc(65536);
  while (n < 0 || total < n) {
    const r = fs.readSync(t.fd, buf, 0, n < 0 ? buf.length : Math.min(buf.length, n - total), null);
    if (r === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, r)));
    total += r;
  }
  return new PyBytes(new Uint8Array(Buffer.concat(chunks)));
});

function T(x: PyObject): PyTextStream {
  return x as PyTextStream;
}
defMethod(TextIOType, "write", (self, args) => {
  const s = args[0];
  if (!isStr(s)) throw typeError(`write() argument must be str, not ${typeOf(s).name}`);
  T(self).write(strValue(s));
  return ops.strLen(strValue(s));
});
defMethod(TextIOType, "writelines", (self, args) => {
  ops.iterate(args[0], (s) => {
    T(self).write(ops.pyStr(s));
  });
  return None;
});
defMethod(TextIOType, "flush", (self) => {
  T(self).flush();
  return None;
});
defMethod(TextIOType, "readline", (self, args) => T(self).readline(args.length && args[0] !== None ? ops.indexNum(args[0]) : -1));
defMethod(TextIOType, "read", (self, args) => T(self).read(args.length && args[0] !== None ? ops.indexNum(args[0]) : -1));
defMethod(TextIOType, "readlines", (self) => {
  const out: PyObject[] = [];
  for (;;) {
    const l = T(self).readline();
    if (l === "") break;
    out.push(l);
  }
  return new PyList(out);
});
TextIOType.slots.iter = (x) => x;
TextIOType.slots.next = (x) => {
  const l = T(x).readline();
  return l === "" ? undefined : l;
};
defMethod(TextIOType, "__iter__", (x) => x);
defMethod(TextIOType, "fileno", (self) => T(self).fd);
defMethod(TextIOType, "isatty", (self) => {
  try {
    return fs.fstatSync(T(self).fd).isCharacterDevice();
  } catch {
    return false;
  }
});
defMethod(TextIOType, "readable", (self) => T(self).mode.includes("r"));
defMethod(TextIOType, "writable", (self) => /[wa+]/.test(T(self).mode));
defMethod(TextIOType, "seekable", () => false);
defMethod(TextIOType, "close", (self) => {
  const t = T(self);
  if (!t.closed) {
    t.flush();
    if (t.source !== null) ops.callMethod(t.source, "close", []);
    else if (t.fd > 2) fs.closeSync(t.fd);
    t.closed = true;
  }
  return None;
});
defMethod(TextIOType, "__enter__", (self) => self);
defMethod(TextIOType, "__exit__", (self) => {
  ops.callMethod(self, "close", []);
  return None;
});
defMethod(TextIOType, "reconfigure", () => None);
defGetSet(TextIOType, "closed", (self) => T(self).closed);
defGetSet(TextIOType, "encoding", (self) => {
  const t = T(self);
  // PYTHONIOENCODING names are reported normalised (latin-1 -> iso8859-1), as CPython's codec lookup gives them
  if (!isUtf8Name(t.encoding)) t.encoding = ops.pyStr(ops.getAttr(ops.callMethod(importModule("codecs"), "lookup", [t.encoding]), "name"));
  return t.encoding;
});
defGetSet(TextIOType, "errors", (self) => T(self).errors);
defGetSet(TextIOType, "name", (self) => T(self).name);
defGetSet(TextIOType, "mode", (self) => T(self).mode, (self, v) => {
  T(self).mode = v === null ? "" : ops.pyStr(v);
});
defStaticMethod(TextIOType, "__new__", (args, kw) => {
  const [buffer, encoding, errors] = parseArgs("TextIOWrapper", args.slice(1), kw, ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], 1);
  const enc = encoding === undefined || encoding === None ? "utf-8" : ops.pyStr(encoding);
  const err = errors === undefined || errors === None ? "strict" : ops.pyStr(errors);
  const b = buffer!;
  if (b instanceof PyBinaryStream) {
    const t = new PyTextStream(b.text.fd, b.text.name, b.text.mode, enc, err);
    return t;
  }
  // a readable binary object: decode what it holds now (files, BytesIO)
  const t = new PyTextStream(-1, ops.getAttrOpt(b, "name") ?? None, "r", enc, err);
  const data = ops.callMethod(b, "read", []);
  if (data instanceof PyBytes) t.inBuf = textDecode(data.data, enc, err);
  t.eof = true;
  t.source = b;
  return t;
});
defGetSet(TextIOType, "buffer", (self) => T(self).buffer);
defGetSet(TextIOType, "line_buffering", (self) => T(self).lineBuffered);
defGetSet(TextIOType, "newlines", () => None);
TextIOType.slots.repr = (self) => `<_io.TextIOWrapper name=${ops.repr(T(self).name)} mode='${T(self).mode}' encoding='${T(self).encoding}'>`;

export const stdin = new PyTextStream(0, "<stdin>", "r");
export const stdout = new PyTextStream(1, "<stdout>", "w");
export const stderr = new PyTextStream(2, "<stderr>", "w");
// the interpreter runs in UTF-8 mode (sys.flags.utf8), where CPython's stdin/stdout use surrogateescape
stdin.errors = "surrogateescape";
stdout.errors = "surrogateescape";
stderr.errors = "backslashreplace";
applyIoEncoding(process.env.PYTHONIOENCODING ?? "");

/** PYTHONIOENCODING=encoding[:errors]: the standard streams' encoding (all three) and errors (stdin/stdout; stderr keeps backslashreplace). */
function applyIoEncoding(v: string): void {
  if (v === "") return;
  const i = v.indexOf(":");
  const enc = i < 0 ? v : v.slice(0, i);
  const err = i < 0 ? "" : v.slice(i + 1);
  for (const st of [stdin, stdout, stderr]) if (enc !== "") st.encoding = enc;
  // an encoding given without an error handler means "strict", as in CPython
  for (const st of [stdin, stdout]) if (err !== "" || enc !== "") st.errors = err === "" ? "strict" : err;
}

/** open() provider: replaced by the _io module when it is loaded. */
let openFn: PyObject | null = null;
export function setOpenFunction(f: PyObject): void {
  openFn = f;
}

export const stdio = {
  sysAttr(name: string): PyObject {
    const d = sysDict === null ? undefined : sysDict();
    const v = d === undefined ? undefined : d.getStr(name);
    if (v === undefined) {
      if (name === "stdout") return stdout;
      if (name === "stderr") return stderr;
      if (name === "stdin") return stdin;
      return None;
    }
    return v;
  },
  writeTo(file: PyObject, s: string): void {
    if (file instanceof PyTextStream && file.type === TextIOType) file.write(s);
    else ops.callMethod(file, "write", [s]);
  },
  flushAll(): void {
    for (const s of [stdout, stderr]) {
      try {
        s.flush();
      } catch {
        /* ignore errors at exit */
      }
    }
    for (const name of ["stdout", "stderr"]) {
      const f = stdio.sysAttr(name);
      if (f !== stdout && f !== stderr && f !== None) {
        try {
          ops.callMethod(f, "flush", []);
        } catch {
          /* ignore */
        }
      }
    }
  },
  openFunction(): PyObject {
    if (openFn === null) openFn = builtinFunction("open", simpleOpen, "_io");
    return openFn;
  },
};

/** A small open(): text files (utf-8) through PyTextStream over a real fd; binary reads return bytes via BinaryFile. */
function simpleOpen(args: PyObject[], kw: readonly string[] | null): PyObject {
  const [file, mode, , encoding] = parseArgs("open", args, kw, ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1);
  const m = mode === undefined ? "r" : ops.pyStr(mode);
  const path = ops.str(ops.fspath(file!));
  let flags: string;
  if (m.includes("r")) flags = m.includes("+") ? "r+" : "r";
  else if (m.includes("w")) flags = m.includes("+") ? "w+" : "w";
  else if (m.includes("a")) flags = m.includes("+") ? "a+" : "a";
  else if (m.includes("x")) flags = "wx";
  else throw valueError(`invalid mode: '${m}'`);
  if (flags === "r") {
    const served = openFrozen(path, m, encoding === undefined || encoding === None ? "utf-8" : ops.pyStr(encoding));
    if (served !== null) return served;
  }
  let fd: number;
  try {
    fd = fs.openSync(path, flags);
  } catch (e) {
    throw osErrorFromNode(e, path);
  }
  if (m.includes("b")) return new PyBinaryFile(fd, path, m);
  return new PyTextStream(fd, path, m, encoding === undefined || encoding === None ? "utf-8" : ops.pyStr(encoding));
}

/**
 * A packaged program's data files live in its archive below sys._MEIPASS (src/runtime/archive.ts frozenPath): reading
 * one gives an in-memory BytesIO/StringIO with the file's contents (universal newlines in text mode); nothing is extracted.
 */
function openFrozen(path: string, mode: string, encoding: string): PyObject | null {
  const hit = frozenPath(path);
  if (hit === null) return null;
  const st = hit.archive.stat(hit.rel);
  if (st === null) return null;
  if (st.isDir) throw osErrorFromNode({ code: "EISDIR" }, path);
  const data = hit.archive.read(hit.rel)!;
  if (mode.includes("b")) return ops.call(BytesIOType, [new PyBytes(Uint8Array.from(data))]);
  const text = new TextDecoder(encoding, { fatal: true }).decode(data).replace(/\r\n?/g, "\n");
  return ops.call(StringIOType, [text]);
}

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, "No such file or directory"],
  EEXIST: [17, "File exists"],
  EACCES: [13, "Permission denied"],
  EISDIR: [21, "Is a directory"],
  ENOTDIR: [20, "Not a directory"],
  ENOTEMPTY: [39, "Directory not empty"],
  EPERM: [1, "Operation not permitted"],
  EBADF: [9, "Bad file descriptor"],
  EINVAL: [22, "Invalid argument"],
};
/** Converts a Node fs error into the matching OSError subclass (errno -> subclass as CPython). */
export function osErrorFromNode(e: unknown, filename?: PyObject, filename2?: PyObject): PyBase {
  const code = (e as { code?: string }).code ?? "";
  const info = ERRNO[code];
  const errno = info ? info[0] : (e as { errno?: number }).errno !== undefined ? Math.abs((e as { errno: number }).errno) : 5;
  const msg = info ? info[1] : String((e as Error).message ?? e);
  const args: PyObject[] = [errno, msg];
  if (filename !== undefined) args.push(filename);
  if (filename2 !== undefined) args.push(0, filename2);
  return ops.call(OSErrorType, args) as PyBase;
}

export const BinaryFileType = makeBuiltinType("BufferedReader", ObjectType);
BinaryFileType.dict.setStr("__module__", "_io");
export class PyBinaryFile extends PyBase {
  closed = false;
  /** unread bytes already read from the fd (readline buffering) */
  pending: Buffer = Buffer.alloc(0);
  /** file position of the next read from the fd (the logical position is pos - pending.length) */
  pos = 0;
  constructor(
    public fd: number,
    public name: PyObject,
    public mode: string,
  ) {
    super(BinaryFileType);
  }
}
function B(x: PyObject): PyBinaryFile {
  return x as PyBinaryFile;
}
function fillPending(f: PyBinaryFile): boolean {
  const buf = Buffer.alloc(65536);
  const r = fs.readSync(f.fd, buf, 0, buf.length, f.pos);
  if (r === 0) return false;
  f.pos += r;
  f.pending = Buffer.concat([f.pending, buf.subarray(0, r)]);
  return true;
}
function binReadline(f: PyBinaryFile, limit: number): PyBytes {
  for (;;) {
    const i = f.pending.indexOf(10);
    if (i >= 0 && (limit < 0 || i < limit)) {
      const line = f.pending.subarray(0, i + 1);
      f.pending = f.pending.subarray(i + 1);
      return new PyBytes(new Uint8Array(line));
    }
    if (limit >= 0 && f.pending.length >= limit) {
      const line = f.pending.subarray(0, limit);
      f.pending = f.pending.subarray(limit);
      return new PyBytes(new Uint8Array(line));
    }
    if (!fillPending(f)) {
      const line = f.pending;
      f.pending = Buffer.alloc(0);
      return new PyBytes(new Uint8Array(line));
    }
  }
}
defMethod(BinaryFileType, "readline", (self, args) => binReadline(B(self), args.length && args[0] !== None ? ops.indexNum(args[0]) : -1));
defMethod(BinaryFileType, "readlines", (self) => {
  const out: PyObject[] = [];
  for (;;) {
    const l = binReadline(B(self), -1);
    if (l.data.length === 0) break;
    out.push(l);
  }
  return new PyList(out);
});
BinaryFileType.slots.iter = (x) => x;
BinaryFileType.slots.next = (x) => {
  const l = binReadline(B(x), -1);
  return l.data.length === 0 ? undefined : l;
};
defMethod(BinaryFileType, "readable", (self) => B(self).mode.includes("r") || B(self).mode.includes("+"));
defMethod(BinaryFileType, "writable", (self) => /[wax+]/.test(B(self).mode));
defMethod(BinaryFileType, "seekable", () => true);
defMethod(BinaryFileType, "fileno", (self) => B(self).fd);
defMethod(BinaryFileType, "isatty", () => false);
defMethod(BinaryFileType, "read", (self, args) => {
  const f = B(self);
  const n = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  const chunks: Buffer[] = [];
  let total = 0;
  if (f.pending.length) {
    const take = n < 0 ? f.pending.length : Math.min(n, f.pending.length);
    chunks.push(f.pending.subarray(0, take));
    f.pending = f.pending.subarray(take);
    total += take;
  }
  const buf = Buffer.alloc(65536);
  while (n < 0 || total < n) {
    const r = fs.readSync(f.fd, buf, 0, n < 0 ? buf.length : Math.min(buf.length, n - total), f.pos);
    if (r === 0) break;
    f.pos += r;
    chunks.push(Buffer.from(buf.subarray(0, r)));
    total += r;
  }
  return new PyBytes(new Uint8Array(Buffer.concat(chunks)));
});
defMethod(BinaryFileType, "write", (self, args) => {
  const b = args[0];
  const f = B(self);
  const data = b instanceof PyBytes ? b.data : b instanceof PyByteArray ? b.data.subarray(0, b.length) : null;
  if (data === null) throw typeError(`a bytes-like object is required, not '${typeOf(b).name}'`);
  const append = f.mode.includes("a");
  let off = 0;
  while (off < data.length) off += fs.writeSync(f.fd, data, off, data.length - off, append ? null : f.pos + off);
  if (!append) f.pos += data.length;
  return data.length;
});
defMethod(BinaryFileType, "tell", (self) => B(self).pos - B(self).pending.length);
defMethod(BinaryFileType, "seek", (self, args) => {
  const f = B(self);
  const off = ops.indexNum(args[0]);
  const whence = args.length > 1 ? ops.indexNum(args[1]) : 0;
  const cur = f.pos - f.pending.length;
  let np: number;
  if (whence === 0) np = off;
  else if (whence === 1) np = cur + off;
  else if (whence === 2) np = fs.fstatSync(f.fd).size + off;
  else throw valueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
  if (np < 0) throw valueError(`negative seek position ${np}`);
  f.pending = Buffer.alloc(0);
  f.pos = np;
  return np;
});
defMethod(BinaryFileType, "close", (self) => {
  if (!B(self).closed) {
    fs.closeSync(B(self).fd);
    B(self).closed = true;
  }
  return None;
});
defMethod(BinaryFileType, "flush", () => None);
defMethod(BinaryFileType, "__enter__", (self) => self);
defMethod(BinaryFileType, "__exit__", (self) => {
  ops.callMethod(self, "close", []);
  return None;
});
defGetSet(BinaryFileType, "closed", (self) => B(self).closed);
defGetSet(BinaryFileType, "name", (self) => B(self).name);
defGetSet(BinaryFileType, "mode", (self) => B(self).mode);

/** Decodes bytes for a text stream (utf-8 fast path; other encodings through the codecs layer). */
function textDecode(d: Uint8Array, enc: string, errors: string): string {
  const e = enc.toLowerCase().replace(/[-_]/g, "");
  if (e === "utf8" || e === "utf8sig") {
    let s = Buffer.from(d).toString("utf8");
    if (e === "utf8sig" && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s.replace(/\r\n?/g, "\n");
  }
  const r = ops.callMethod(new PyBytes(d), "decode", [enc, errors]);
  return ops.pyStr(r).replace(/\r\n?/g, "\n");
}
