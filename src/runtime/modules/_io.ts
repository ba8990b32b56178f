// _io: the class hierarchy io.py builds on (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase), StringIO, BytesIO;
// the file stack (FileIO, Buffered*, TextIOWrapper, open) is in _io/files.ts.
import {
  makeBuiltinType,
  ObjectType,
  PyBase,
  PyObject,
  PyType,
  PyDict,
  PyList,
  PyBytes,
  PyByteArray,
  None,
  typeError,
  valueError,
  typeOf,
  isStr,
  strValue,
  excTypes,
  OSErrorType,
  ValueErrorType,
  computeMro,
  TypeType,
  newException,
  PyTuple,
} from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod, makeModule, parseArgs, builtinFunction } from "../define";
import { registerNativeModule } from "./registry";
import { PyMemoryView } from "../objects/memoryview";
import { setOpenFunction } from "./stdio";

function mk(name: string, base: PyType, alloc?: (cls: PyType) => PyBase): PyType {
  const t = makeBuiltinType(name, base, alloc ? { alloc } : {});
  t.dict.setStr("__module__", "_io");
  t.instDict = true;
  return t;
}
export const IOBaseType = mk("_IOBase", ObjectType, (cls) => new PyIOBase(cls));
export const RawIOBaseType = mk("_RawIOBase", IOBaseType);
export const BufferedIOBaseType = mk("_BufferedIOBase", IOBaseType);
export const TextIOBaseType = mk("_TextIOBase", IOBaseType);
class PyIOBase extends PyBase {
  closedFlag = false;
  constructor(type: PyType) {
    super(type);
    this.dict = new PyDict();
  }
}

// UnsupportedOperation(OSError, ValueError)
export const UnsupportedOperation = new PyType(TypeType, "UnsupportedOperation", [OSErrorType, ValueErrorType], true);
UnsupportedOperation.mro = computeMro(UnsupportedOperation);
UnsupportedOperation.alloc = OSErrorType.alloc;
UnsupportedOperation.layout = OSErrorType.layout;
UnsupportedOperation.instDict = true;
UnsupportedOperation.slots = { ...OSErrorType.slots };
UnsupportedOperation.dict.setStr("__module__", "io");

function unsupported(name: string): never {
  throw newException(UnsupportedOperation, name);
}
function checkClosed(self: PyObject): void {
  const c = ops.getAttr(self, "closed");
  if (ops.truthy(c)) throw valueError("I/O operation on closed file.");
}

// ---- _IOBase generic methods (work in terms of the subclass's readline/read/write)
defMethod(IOBaseType, "close", (self) => {
  if (self instanceof PyIOBase && !self.closedFlag) {
    try {
      ops.callMethod(self, "flush", []);
    } finally {
      self.closedFlag = true;
    }
  }
  return None;
});
defGetSet(IOBaseType, "closed", (self) => (self instanceof PyIOBase ? self.closedFlag : false));
defMethod(IOBaseType, "flush", (self) => {
  checkClosed(self);
  return None;
});
defMethod(IOBaseType, "__enter__", (self) => {
  checkClosed(self);
  return self;
});
defMethod(IOBaseType, "__exit__", (self) => {
  ops.callMethod(self, "close", []);
  return None;
});
for (const m of ["readable", "writable", "seekable", "isatty"]) defMethod(IOBaseType, m, () => false);
defMethod(IOBaseType, "fileno", () => unsupported("fileno"));
defMethod(IOBaseType, "seek", () => unsupported("seek"));
defMethod(IOBaseType, "tell", (self) => ops.callMethod(self, "seek", [0, 1]));
defMethod(IOBaseType, "truncate", () => unsupported("truncate"));
defMethod(IOBaseType, "readline", (self, args) => {
  const limit = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  const parts: number[] = [];
  while (limit < 0 || parts.length < limit) {
    const b = ops.callMethod(self, "read", [1]);
    if (!(b instanceof PyBytes) || b.data.length === 0) break;
    parts.push(b.data[0]);
    if (b.data[0] === 10) break;
  }
  return new PyBytes(Uint8Array.from(parts));
});
defMethod(IOBaseType, "readlines", (self, args) => {
  const hint = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  const out: PyObject[] = [];
  let total = 0;
  ops.iterate(self, (l) => {
    out.push(l);
    total += ops.lenOf(l);
    return hint <= 0 || total < hint;
  });
  return new PyList(out);
});
defMethod(IOBaseType, "writelines", (self, args) => {
  checkClosed(self);
  ops.iterate(args[0], (l) => {
    ops.callMethod(self, "write", [l]);
  });
  return None;
});
IOBaseType.slots.iter = (self) => {
  checkClosed(self);
  return self;
};
IOBaseType.slots.next = (self) => {
  const l = ops.callMethod(self, "readline", []);
  return ops.lenOf(l) === 0 ? undefined : l;
};
defMethod(IOBaseType, "_checkClosed", (self) => {
  checkClosed(self);
  return None;
});
defMethod(IOBaseType, "_checkReadable", (self) => {
  if (!ops.truthy(ops.callMethod(self, "readable", []))) unsupported("File or stream is not readable.");
  return None;
});
defMethod(IOBaseType, "_checkWritable", (self) => {
  if (!ops.truthy(ops.callMethod(self, "writable", []))) unsupported("File or stream is not writable.");
  return None;
});
defMethod(IOBaseType, "_checkSeekable", (self) => {
  if (!ops.truthy(ops.callMethod(self, "seekable", []))) unsupported("File or stream is not seekable.");
  return None;
});

// ---- StringIO
export const StringIOType = mk("StringIO", TextIOBaseType, (cls) => new PyStringIO(cls));
class PyStringIO extends PyIOBase {
  buf: string[] = [];
  pos = 0;
  newline: string | null = "\n";
}
function S(x: PyObject): PyStringIO {
  const s = x as PyStringIO;
  if (s.closedFlag) throw valueError("I/O operation on closed file");
  return s;
}
defMethod(StringIOType, "__init__", (self, args, kw) => {
  const [initial, newline] = parseArgs("StringIO", args, kw, ["initial_value", "newline"], 0);
  const s = self as PyStringIO;
  s.newline = newline === undefined ? "\n" : newline === None ? null : ops.pyStr(newline);
  s.buf = [];
  s.pos = 0;
  if (initial !== undefined && initial !== None) {
    if (!isStr(initial)) throw typeError(`initial_value must be str or None, not ${typeOf(initial).name}`);
    writeStr(s, strValue(initial));
    s.pos = 0;
  }
  return None;
});
function translateIn(s: PyStringIO, text: string): string {
  if (s.newline === null) return text.replace(/\r\n?/g, "\n");
  if (s.newline === "" || s.newline === "\n") return text;
  return text.replace(/\n/g, s.newline);
}
function writeStr(s: PyStringIO, text: string): number {
  const chars = Array.from(translateIn(s, text));
  while (s.buf.length < s.pos) s.buf.push("\0");
  for (let i = 0; i < chars.length; i++) s.buf[s.pos + i] = chars[i];
  s.pos += chars.length;
  return Array.from(text).length;
}
defMethod(StringIOType, "write", (self, args) => {
  const s = S(self);
  const v = args[0];
  if (!isStr(v)) throw typeError(`string argument expected, got '${typeOf(v).name}'`);
  return writeStr(s, strValue(v));
});
defMethod(StringIOType, "getvalue", (self) => S(self).buf.join(""));
defMethod(StringIOType, "read", (self, args) => {
  const s = S(self);
  const n = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  const end = n < 0 ? s.buf.length : Math.min(s.buf.length, s.pos + n);
  const r = s.buf.slice(s.pos, end).join("");
  s.pos = Math.max(s.pos, end);
  return r;
});
/** End index (exclusive) of the line starting at `start`, per the newline mode (CPython's _PyIO_find_line_ending). */
function lineEnd(s: PyStringIO, start: number, limit: number): number {
  const max = limit < 0 ? s.buf.length : Math.min(s.buf.length, start + limit);
  const nl = s.newline;
  for (let i = start; i < max; i++) {
    const c = s.buf[i];
    if (nl === null || nl === "\n") {
      if (c === "\n") return i + 1;
    } else if (nl === "") {
      if (c === "\n") return i + 1;
      if (c === "\r") return i + 1 < max && s.buf[i + 1] === "\n" ? i + 2 : i + 1;
    } else if (nl === "\r") {
      if (c === "\r") return i + 1;
    } else if (c === "\r" && i + 1 < max && s.buf[i + 1] === "\n") return i + 2;
  }
  return max;
}
defMethod(StringIOType, "readline", (self, args) => {
  const s = S(self);
  const limit = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  if (s.pos >= s.buf.length) return "";
  const end = lineEnd(s, s.pos, limit);
  const r = s.buf.slice(s.pos, end).join("");
  s.pos = end;
  return r;
});
defMethod(StringIOType, "seek", (self, args) => {
  const s = S(self);
  const pos = ops.indexNum(args[0]);
  const whence = args.length > 1 ? ops.indexNum(args[1]) : 0;
  if (whence === 0) {
    if (pos < 0) throw valueError(`Negative seek position ${pos}`);
    s.pos = pos;
  } else if (whence === 1) {
    if (pos !== 0) unsupported("Can't do nonzero cur-relative seeks");
  } else if (whence === 2) {
    if (pos !== 0) unsupported("Can't do nonzero end-relative seeks");
    s.pos = s.buf.length;
  } else throw valueError(`Invalid whence (${whence}, should be 0, 1 or 2)`);
  return s.pos;
});
defMethod(StringIOType, "tell", (self) => S(self).pos);
defMethod(StringIOType, "truncate", (self, args) => {
  const s = S(self);
  const size = args.length && args[0] !== None ? ops.indexNum(args[0]) : s.pos;
  if (size < 0) throw valueError(`Negative size value ${size}`);
  if (size < s.buf.length) s.buf.length = size;
  return size;
});
defMethod(StringIOType, "close", (self) => {
  (self as PyStringIO).closedFlag = true;
  return None;
});
for (const m of ["readable", "writable", "seekable"]) defMethod(StringIOType, m, (self) => (S(self), true));
defGetSet(StringIOType, "closed", (self) => (self as PyStringIO).closedFlag);
defGetSet(StringIOType, "line_buffering", () => false);
defGetSet(StringIOType, "newlines", () => None);
defGetSet(StringIOType, "encoding", () => None);
defGetSet(StringIOType, "errors", () => None);
StringIOType.slots.next = (self) => {
  const s = S(self);
  if (s.pos >= s.buf.length) return undefined;
  const end = lineEnd(s, s.pos, -1);
  const r = s.buf.slice(s.pos, end).join("");
  s.pos = end;
  return r;
};
defMethod(StringIOType, "__getstate__", (self) => new PyTuple([S(self).buf.join(""), (self as PyStringIO).newline ?? None, S(self).pos, None]));

// ---- BytesIO
export const BytesIOType = mk("BytesIO", BufferedIOBaseType, (cls) => new PyBytesIO(cls));
class PyBytesIO extends PyIOBase {
  data = new Uint8Array(0);
  len = 0;
  pos = 0;
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const nd = new Uint8Array(Math.max(n, this.data.length * 2, 16));
    nd.set(this.data.subarray(0, this.len));
    this.data = nd;
  }
}
function B(x: PyObject): PyBytesIO {
  const b = x as PyBytesIO;
  if (b.closedFlag) throw valueError("I/O operation on closed file.");
  return b;
}
export function bytesLike(v: PyObject): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  if (v instanceof PyByteArray) return v.data.subarray(0, v.length);
  const mv = ops.getAttrOpt(v, "tobytes");
  if (mv !== undefined) {
    const r = ops.call(mv, []);
    if (r instanceof PyBytes) return r.data;
  }
  throw typeError(`a bytes-like object is required, not '${typeOf(v).name}'`);
}
defMethod(BytesIOType, "__init__", (self, args, kw) => {
  const [initial] = parseArgs("BytesIO", args, kw, ["initial_bytes"], 0);
  const b = self as PyBytesIO;
  b.len = 0;
  b.pos = 0;
  if (initial !== undefined && initial !== None) {
    const d = bytesLike(initial);
    b.data = new Uint8Array(d);
    b.len = d.length;
  }
  return None;
});
defMethod(BytesIOType, "write", (self, args) => {
  const b = B(self);
  const d = bytesLike(args[0]);
  b.ensure(b.pos + d.length);
  if (b.pos > b.len) b.data.fill(0, b.len, b.pos);
  b.data.set(d, b.pos);
  b.pos += d.length;
  if (b.pos > b.len) b.len = b.pos;
  return d.length;
});
defMethod(BytesIOType, "getbuffer", (self) => {
  const b = B(self);
  // a writable view sharing the BytesIO's storage (re-fetched on access, as the storage may grow)
  const info = { bytes: () => b.data.subarray(0, b.len), readonly: false, format: "B", itemsize: 1 };
  return new PyMemoryView(b, info, 0, "B", 1, [b.len], [1], false);
});
defMethod(BytesIOType, "getvalue", (self) => new PyBytes(B(self).data.slice(0, B(self).len)));
function bRead(self: PyObject, args: PyObject[]): PyObject {
  const b = B(self);
  const n = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  const end = n < 0 ? b.len : Math.min(b.len, b.pos + n);
  const r = b.pos < end ? b.data.slice(b.pos, end) : new Uint8Array(0);
  b.pos = Math.max(b.pos, end);
  return new PyBytes(r);
}
defMethod(BytesIOType, "read", bRead);
defMethod(BytesIOType, "read1", bRead);
defMethod(BytesIOType, "readline", (self, args) => {
  const b = B(self);
  const limit = args.length && args[0] !== None ? ops.indexNum(args[0]) : -1;
  let end = b.pos;
  while (end < b.len && (limit < 0 || end - b.pos < limit)) if (b.data[end++] === 10) break;
  const r = b.data.slice(b.pos, end);
  b.pos = end;
  return new PyBytes(r);
});
defMethod(BytesIOType, "seek", (self, args) => {
  const b = B(self);
  const pos = ops.indexNum(args[0]);
  const whence = args.length > 1 ? ops.indexNum(args[1]) : 0;
  if (whence === 0) {
    if (pos < 0) throw valueError(`negative seek value ${pos}`);
    b.pos = pos;
  } else if (whence === 1) b.pos = Math.max(0, b.pos + pos);
  else if (whence === 2) b.pos = Math.max(0, b.len + pos);
  else throw valueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
  return b.pos;
});
defMethod(BytesIOType, "tell", (self) => B(self).pos);
defMethod(BytesIOType, "truncate", (self, args) => {
  const b = B(self);
  const size = args.length && args[0] !== None ? ops.indexNum(args[0]) : b.pos;
  if (size < 0) throw valueError(`negative size value ${size}`);
  if (size < b.len) b.len = size;
  return size;
});
defMethod(BytesIOType, "close", (self) => {
  (self as PyBytesIO).closedFlag = true;
  return None;
});
for (const m of ["readable", "writable", "seekable"]) defMethod(BytesIOType, m, (self) => (B(self), true));
defGetSet(BytesIOType, "closed", (self) => (self as PyBytesIO).closedFlag);
BytesIOType.slots.next = (self) => {
  const r = ops.callMethod(self, "readline", []) as PyBytes;
  return r.data.length === 0 ? undefined : r;
};

function textEncoding(args: PyObject[]): PyObject {
  const enc = args.length ? args[0] : None;
  return enc === None ? "utf-8" : enc;
}

/** The file stack (FileIO, Buffered*, TextIOWrapper, open) lives in _io/files.ts and registers itself here. */
const extras: Record<string, PyObject> = {};
export function registerIoExtras(members: Record<string, PyObject>): void {
  Object.assign(extras, members);
  if (members.open !== undefined) setOpenFunction(members.open);
}

registerNativeModule("_io", () =>
  makeModule("_io", {
    DEFAULT_BUFFER_SIZE: 8192,
    BlockingIOError: excTypes.get("BlockingIOError")!,
    UnsupportedOperation,
    BytesIO: BytesIOType,
    StringIO: StringIOType,
    text_encoding: textEncoding,
    _IOBase: IOBaseType,
    _RawIOBase: RawIOBaseType,
    _BufferedIOBase: BufferedIOBaseType,
    _TextIOBase: TextIOBaseType,
    ...extras,
  }),
);
export { defStaticMethod };
