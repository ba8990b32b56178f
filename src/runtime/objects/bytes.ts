// bytes and bytearray: construction, repr, sequence protocol, comparison, hashing, decode (utf-8/ascii/latin-1 with
// error handlers), % formatting and the common methods shared by both types.
import {
  BytesType,
  ByteArrayType,
  PyBytes,
  PyByteArray,
  PyObject,
  PyType,
  PySlice,
  PyTuple,
  PyList,
  PyDict,
  None,
  NotImplemented,
  typeError,
  valueError,
  indexError,
  typeOf,
  isInt,
  intValue,
  isStr,
  strValue,
  newException,
  UnicodeDecodeErrorType,
  LookupErrorType,
  UnicodeEncodeErrorType,
  makeBuiltinType,
  ObjectType,
  PyBase,
} from "../core";
import * as ops from "../ops";
import { Cmp } from "../ops";
import { defClassMethod, defMethod, defStaticMethod, parseArgs, arity } from "../define";
import { sliceIndices } from "./slice";
import { bytesHash } from "../numeric/hash";
import { decodeBytesHook, encodeStrHook, setDecodeBytesHook, setEncodeStrHook } from "./str";
import { getBuffer } from "./memoryview";

type Bin = PyBytes | PyByteArray;
export function bdata(x: PyObject): Uint8Array {
  if (x instanceof PyBytes) return x.data;
  if (x instanceof PyByteArray) return x.data.subarray(0, x.length);
  throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
}
function isBin(x: PyObject): x is Bin {
  return x instanceof PyBytes || x instanceof PyByteArray;
}
/** bytes-like argument (bytes, bytearray, memoryview-ish with tobytes) or TypeError. */
export function bytesArg(x: PyObject): Uint8Array {
  if (isBin(x)) return bdata(x);
  const tb = typeOf(x).lookup("tobytes");
  if (tb !== undefined) return bdata(ops.callUnbound(tb, x, []));
  throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
}
function make(self: PyObject, d: Uint8Array): PyObject {
  return self instanceof PyByteArray ? new PyByteArray(d) : new PyBytes(d);
}

export function bytesRepr(d: Uint8Array, prefix = "b"): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of d) {
    if (c === 39) hasSingle = true;
    if (c === 34) hasDouble = true;
  }
  const q = hasSingle && !hasDouble ? '"' : "'";
  let out = prefix + q;
  for (const c of d) {
    if (c === q.charCodeAt(0) || c === 92) out += "\\" + String.fromCharCode(c);
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 32 || c >= 127) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + q;
}

/** bytes(x) / bytearray(x) source conversion. */
function fromSource(src: PyObject | undefined, encoding: PyObject | undefined, errors: PyObject | undefined, name: string): Uint8Array {
  if (src === undefined) {
    if (encoding !== undefined || errors !== undefined) throw typeError(encoding !== undefined ? "encoding without a string argument" : "errors without a string argument");
    return new Uint8Array(0);
  }
  if (isStr(src)) {
    if (encoding === undefined) throw typeError("string argument without an encoding");
    return bdata(encodeStrHook(strValue(src), ops.pyStr(encoding), errors === undefined ? "strict" : ops.pyStr(errors)));
  }
  if (encoding !== undefined) throw typeError("encoding without a string argument");
  if (isBin(src)) return new Uint8Array(bdata(src));
  const exported = getBuffer(src);
  if (exported !== null) return exported.bytes().slice();
  if (isInt(src) || typeOf(src).lookup("__index__") !== undefined) {
    const n = ops.indexNum(src);
    if (n < 0) throw valueError("negative count");
    return new Uint8Array(n);
  }
  const bf = typeOf(src).lookup("__bytes__");
  if (bf !== undefined && name === "bytes") {
    const r = ops.callUnbound(bf, src, []);
    if (!(r instanceof PyBytes)) throw typeError(`__bytes__ returned non-bytes (type ${typeOf(r).name})`);
    return r.data;
  }
  const t = typeOf(src);
  if (t.slots.iter === undefined && t.lookup("__iter__") === undefined && t.lookup("__getitem__") === undefined) {
    throw typeError(`cannot convert '${t.name}' object to ${name}`);
  }
  const items = ops.toArray(src);
  const out = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (!ops.hasIndex(v)) throw typeError(`'${typeOf(v).name}' object cannot be interpreted as an integer`);
    const n = ops.index(v);
    if (n < 0 || n > 255) throw valueError("bytes must be in range(0, 256)");
    out[i] = Number(n);
  }
  return out;
}

defStaticMethod(BytesType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  const [src, enc, err] = parseArgs("bytes", args.slice(1), kw, ["source", "encoding", "errors"], 0);
  const b = new PyBytes(fromSource(src, enc, err, "bytes"), cls);
  if (cls !== BytesType && cls.instDict) b.dict = new PyDict();
  return b;
});
defStaticMethod(ByteArrayType, "__new__", (args) => {
  const cls = args[0] as PyType;
  const b = new PyByteArray(new Uint8Array(0), cls);
  if (cls !== ByteArrayType && cls.instDict) b.dict = new PyDict();
  return b;
});
defMethod(ByteArrayType, "__init__", (self, args, kw) => {
  const [src, enc, err] = parseArgs("bytearray", args, kw, ["source", "encoding", "errors"], 0);
  const d = fromSource(src, enc, err, "bytearray");
  const b = self as PyByteArray;
  b.data = new Uint8Array(d);
  b.length = d.length;
  return None;
});

BytesType.slots.repr = (x) => bytesRepr(bdata(x));
ByteArrayType.slots.repr = (x) => `${typeOf(x).name}(${bytesRepr(bdata(x))})`;
BytesType.slots.hash = (x) => bytesHash(bdata(x));
ByteArrayType.dict.setStr("__hash__", None);
for (const T of [BytesType, ByteArrayType]) {
  T.slots.len = (x) => bdata(x).length;
  T.slots.iter = (x) => new BytesIter(x as Bin);
  T.slots.str = (x) => T.slots.repr!(x);
}
export const BytesIterType = makeBuiltinType("bytes_iterator", ObjectType, { subclassable: false });
class BytesIter extends PyBase {
  i = 0;
  constructor(public b: Bin) {
    super(BytesIterType);
  }
}
BytesIterType.slots.iter = (x) => x;
BytesIterType.slots.next = (x) => {
  const it = x as BytesIter;
  const d = bdata(it.b);
  return it.i < d.length ? d[it.i++] : undefined;
};

function getItem(self: PyObject, key: PyObject): PyObject {
  const d = bdata(self);
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, d.length);
    if (step === 1) return make(self, d.slice(start, start + n));
    const out = new Uint8Array(n);
    for (let i = 0, j = start; i < n; i++, j += step) out[i] = d[j];
    return make(self, out);
  }
  if (!ops.hasIndex(key)) throw typeError(`byte indices must be integers or slices, not ${typeOf(key).name}`);
  let i = ops.indexNum(key);
  if (i < 0) i += d.length;
  if (i < 0 || i >= d.length) throw indexError(self instanceof PyByteArray ? "bytearray index out of range" : "index out of range");
  return d[i];
}
function find(hay: Uint8Array, needle: Uint8Array, start: number, end: number, rev = false): number {
  if (needle.length === 0) return rev ? end : start <= hay.length ? start : -1;
  if (!rev) {
    outer: for (let i = start; i + needle.length <= end; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return i;
    }
  } else {
    outer2: for (let i = end - needle.length; i >= start; i--) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer2;
      return i;
    }
  }
  return -1;
}
function subArg(x: PyObject): Uint8Array {
  if (isInt(x)) {
    const v = Number(intValue(x));
    if (v < 0 || v > 255) throw valueError("byte must be in range(0, 256)");
    return Uint8Array.of(v);
  }
  return bytesArg(x);
}
function range(d: Uint8Array, a?: PyObject, b?: PyObject): [number, number] {
  let s = a === undefined || a === None ? 0 : ops.indexNum(a);
  let e = b === undefined || b === None ? d.length : ops.indexNum(b);
  if (s < 0) s = Math.max(0, s + d.length);
  if (e < 0) e = Math.max(0, e + d.length);
  return [s, Math.min(e, d.length)];
}
const WS = new Set([32, 9, 10, 11, 12, 13]);
function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
function split(d: Uint8Array, sep: Uint8Array | null, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (sep === null) {
    let i = 0;
    while (i < d.length) {
      while (i < d.length && WS.has(d[i])) i++;
      if (i >= d.length) break;
      if (max >= 0 && out.length >= max) {
        let e = d.length;
        while (e > i && WS.has(d[e - 1])) e--;
        out.push(d.slice(i, e));
        return out;
      }
      let j = i;
      while (j < d.length && !WS.has(d[j])) j++;
      out.push(d.slice(i, j));
      i = j;
    }
    return out;
  }
  if (sep.length === 0) throw valueError("empty separator");
  let i = 0;
  for (;;) {
    if (max >= 0 && out.length >= max) break;
    const j = find(d, sep, i, d.length);
    if (j < 0) break;
    out.push(d.slice(i, j));
    i = j + sep.length;
  }
  out.push(d.slice(i));
  return out;
}

for (const T of [BytesType, ByteArrayType]) {
  defMethod(T, "__getitem__", (self, a) => getItem(self, a[0]));
  defMethod(T, "__len__", (self) => bdata(self).length);
  defMethod(T, "__iter__", (self) => new BytesIter(self as Bin));
  defMethod(T, "__contains__", (self, a) => find(bdata(self), subArg(a[0]), 0, bdata(self).length) >= 0);
  defMethod(T, "__add__", (self, a) => {
    let o: Uint8Array;
    try {
      o = bytesArg(a[0]);
    } catch {
      throw typeError(`can't concat ${typeOf(a[0]).name} to ${typeOf(self).name}`);
    }
    return make(self, concat([bdata(self), o]));
  });
  const rep = (self: PyObject, a: PyObject[]): PyObject => {
    if (!ops.hasIndex(a[0])) return NotImplemented;
    const n = ops.indexNum(a[0]);
    const d = bdata(self);
    const parts: Uint8Array[] = [];
    for (let i = 0; i < n; i++) parts.push(d);
    return make(self, concat(parts));
  };
  defMethod(T, "__mul__", rep);
  defMethod(T, "__rmul__", rep);
  defMethod(T, "__mod__", (self, a) => make(self, new Uint8Array(Buffer.from(bytesPercent(self, a[0]), "latin1"))));
  for (const [name, op] of [
    ["__lt__", Cmp.Lt],
    ["__le__", Cmp.Le],
    ["__eq__", Cmp.Eq],
    ["__ne__", Cmp.Ne],
    ["__gt__", Cmp.Gt],
    ["__ge__", Cmp.Ge],
  ] as [string, Cmp][]) {
    defMethod(T, name, (self, a) => {
      if (!isBin(a[0])) return NotImplemented;
      const x = bdata(self);
      const y = bdata(a[0]);
      const c = Buffer.compare(Buffer.from(x.buffer, x.byteOffset, x.length), Buffer.from(y.buffer, y.byteOffset, y.length));
      switch (op) {
        case Cmp.Lt:
          return c < 0;
        case Cmp.Le:
          return c <= 0;
        case Cmp.Eq:
          return c === 0;
        case Cmp.Ne:
          return c !== 0;
        case Cmp.Gt:
          return c > 0;
        default:
          return c >= 0;
      }
    });
  }
  defMethod(T, "decode", (self, a, kw) => {
    const [enc, err] = parseArgs("decode", a, kw, ["encoding", "errors"], 0);
    return decodeBytesHook(self, enc === undefined ? "utf-8" : ops.pyStr(enc), err === undefined ? "strict" : ops.pyStr(err));
  });
  defMethod(T, "hex", (self, a) => {
    const d = bdata(self);
    let h = Buffer.from(d).toString("hex");
    if (a.length) {
      const sep = isStr(a[0]) ? strValue(a[0]) : Buffer.from(bdata(a[0])).toString("latin1");
      const per = a.length > 1 ? ops.indexNum(a[1]) : 1;
      const groups: string[] = [];
      const step = Math.abs(per) * 2;
      if (per > 0) for (let i = h.length; i > 0; i -= step) groups.unshift(h.slice(Math.max(0, i - step), i));
      else for (let i = 0; i < h.length; i += step) groups.push(h.slice(i, i + step));
      h = groups.join(sep);
    }
    return h;
  });
  defClassMethod(T, "fromhex", (cls, a) => {
    const s = ops.pyStr(a[0]);
    const out: number[] = [];
    let i = 0;
    while (i < s.length) {
      if (s[i] === " ") {
        i++;
        continue;
      }
      const pair = s.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(pair)) throw valueError(`non-hexadecimal number found in fromhex() arg at position ${/^[0-9a-fA-F]/.test(s[i]) ? i + 1 : i}`);
      out.push(parseInt(pair, 16));
      i += 2;
    }
    const b = new PyBytes(Uint8Array.from(out));
    if (cls === BytesType) return b;
    return ops.call(cls, [b]);
  });
  defMethod(T, "find", (self, a) => {
    arity("find", a, null, 1, 3);
    const d = bdata(self);
    const [s, e] = range(d, a[1], a[2]);
    return find(d, subArg(a[0]), s, e);
  });
  defMethod(T, "rfind", (self, a) => {
    const d = bdata(self);
    const [s, e] = range(d, a[1], a[2]);
    return find(d, subArg(a[0]), s, e, true);
  });
  defMethod(T, "index", (self, a) => {
    const d = bdata(self);
    const [s, e] = range(d, a[1], a[2]);
    const r = find(d, subArg(a[0]), s, e);
    if (r < 0) throw valueError("subsection not found");
    return r;
  });
  defMethod(T, "rindex", (self, a) => {
    const d = bdata(self);
    const [s, e] = range(d, a[1], a[2]);
    const r = find(d, subArg(a[0]), s, e, true);
    if (r < 0) throw valueError("subsection not found");
    return r;
  });
  defMethod(T, "count", (self, a) => {
    const d = bdata(self);
    const sub = subArg(a[0]);
    const [s, e] = range(d, a[1], a[2]);
    if (sub.length === 0) return e - s + 1;
    let n = 0;
    let i = s;
    for (;;) {
      const j = find(d, sub, i, e);
      if (j < 0) break;
      n++;
      i = j + sub.length;
    }
    return n;
  });
  defMethod(T, "startswith", (self, a) => {
    const d = bdata(self);
    const [s, e] = range(d, a[1], a[2]);
    const cands = a[0] instanceof PyTuple ? a[0].items : [a[0]];
    for (const c of cands) {
      const p = bytesArg(c);
      if (e - s >= p.length && find(d.subarray(s, s + p.length), p, 0, p.length) === 0) return true;
    }
    return false;
  });
  defMethod(T, "endswith", (self, a) => {
    const d = bdata(self);
    const [s, e] = range(d, a[1], a[2]);
    const cands = a[0] instanceof PyTuple ? a[0].items : [a[0]];
    for (const c of cands) {
      const p = bytesArg(c);
      if (e - s >= p.length && find(d.subarray(e - p.length, e), p, 0, p.length) === 0) return true;
    }
    return false;
  });
  defMethod(T, "join", (self, a) => {
    const sep = bdata(self);
    const parts: Uint8Array[] = [];
    let i = 0;
    ops.iterate(a[0], (x) => {
      if (!isBin(x)) throw typeError(`sequence item ${i}: expected a bytes-like object, ${typeOf(x).name} found`);
      if (parts.length) parts.push(sep);
      parts.push(bdata(x));
      i++;
    });
    return make(self, concat(parts));
  });
  defMethod(T, "split", (self, a, kw) => {
    const [sep, max] = parseArgs("split", a, kw, ["sep", "maxsplit"], 0);
    const parts = split(bdata(self), sep === undefined || sep === None ? null : bytesArg(sep), max === undefined ? -1 : ops.indexNum(max));
    return new PyList(parts.map((p) => make(self, p)));
  });
  defMethod(T, "rsplit", (self, a, kw) => {
    const [sep, max] = parseArgs("rsplit", a, kw, ["sep", "maxsplit"], 0);
    const m = max === undefined ? -1 : ops.indexNum(max);
    const rev = (u: Uint8Array): Uint8Array => Uint8Array.from(u).reverse();
    const parts = split(rev(bdata(self)), sep === undefined || sep === None ? null : rev(bytesArg(sep)), m);
    return new PyList(parts.reverse().map((p) => make(self, rev(p))));
  });
  defMethod(T, "splitlines", (self, a) => {
    const keep = a.length > 0 && ops.truthy(a[0]);
    const d = bdata(self);
    const out: PyObject[] = [];
    let s = 0;
    for (let i = 0; i < d.length; i++) {
      if (d[i] === 10 || d[i] === 13) {
        let e = i + 1;
        if (d[i] === 13 && d[i + 1] === 10) e++;
        out.push(make(self, d.slice(s, keep ? e : i)));
        s = e;
        i = e - 1;
      }
    }
    if (s < d.length) out.push(make(self, d.slice(s)));
    return new PyList(out);
  });
  const strip = (self: PyObject, a: PyObject[], l: boolean, r: boolean): PyObject => {
    const d = bdata(self);
    const chars = a.length && a[0] !== None ? new Set(bytesArg(a[0])) : WS;
    let s = 0;
    let e = d.length;
    if (l) while (s < e && chars.has(d[s])) s++;
    if (r) while (e > s && chars.has(d[e - 1])) e--;
    return make(self, d.slice(s, e));
  };
  defMethod(T, "strip", (self, a) => strip(self, a, true, true));
  defMethod(T, "lstrip", (self, a) => strip(self, a, true, false));
  defMethod(T, "rstrip", (self, a) => strip(self, a, false, true));
  defMethod(T, "replace", (self, a) => {
    const d = bdata(self);
    const old = bytesArg(a[0]);
    const nw = bytesArg(a[1]);
    let count = a.length > 2 ? ops.indexNum(a[2]) : -1;
    const parts: Uint8Array[] = [];
    let i = 0;
    if (old.length === 0) {
      for (let k = 0; k <= d.length && count !== 0; k++, count--) {
        parts.push(nw);
        if (k < d.length) parts.push(d.subarray(k, k + 1));
        i = k + 1;
      }
      if (i < d.length) parts.push(d.subarray(i));
      return make(self, concat(parts));
    }
    while (count !== 0) {
      const j = find(d, old, i, d.length);
      if (j < 0) break;
      parts.push(d.subarray(i, j), nw);
      i = j + old.length;
      count--;
    }
    parts.push(d.subarray(i));
    return make(self, concat(parts));
  });
  const mapBytes = (f: (c: number) => number) => (self: PyObject) => make(self, bdata(self).map(f));
  defMethod(T, "upper", mapBytes((c) => (c >= 97 && c <= 122 ? c - 32 : c)));
  defMethod(T, "lower", mapBytes((c) => (c >= 65 && c <= 90 ? c + 32 : c)));
  defMethod(T, "swapcase", mapBytes((c) => (c >= 97 && c <= 122 ? c - 32 : c >= 65 && c <= 90 ? c + 32 : c)));
  const allB = (f: (c: number) => boolean) => (self: PyObject) => {
    const d = bdata(self);
    return d.length > 0 && d.every(f);
  };
  defMethod(T, "isdigit", allB((c) => c >= 48 && c <= 57));
  defMethod(T, "isalpha", allB((c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)));
  defMethod(T, "isalnum", allB((c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)));
  defMethod(T, "isspace", allB((c) => WS.has(c)));
  defMethod(T, "isupper", (self) => {
    const d = bdata(self);
    return d.some((c) => c >= 65 && c <= 90) && !d.some((c) => c >= 97 && c <= 122);
  });
  defMethod(T, "islower", (self) => {
    const d = bdata(self);
    return d.some((c) => c >= 97 && c <= 122) && !d.some((c) => c >= 65 && c <= 90);
  });
  defMethod(T, "isascii", (self) => bdata(self).every((c) => c < 128));
  defMethod(T, "capitalize", (self) => make(self, bdata(self).map((c, i) => (i === 0 ? (c >= 97 && c <= 122 ? c - 32 : c) : c >= 65 && c <= 90 ? c + 32 : c))));
  defMethod(T, "title", (self) => {
    let prev = false;
    return make(self, bdata(self).map((c) => {
      const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      const r = alpha ? (prev ? (c >= 65 && c <= 90 ? c + 32 : c) : c >= 97 && c <= 122 ? c - 32 : c) : c;
      prev = alpha;
      return r;
    }));
  });
  const pad = (self: PyObject, a: PyObject[], where: "l" | "r" | "c"): PyObject => {
    const d = bdata(self);
    const w = ops.indexNum(a[0]);
    const fill = a.length > 1 ? bytesArg(a[1])[0] : 32;
    if (w <= d.length) return make(self, d.slice());
    const total = w - d.length;
    const left = where === "r" ? total : where === "l" ? 0 : Math.floor(total / 2) + (total & w & 1);
    const out = new Uint8Array(w).fill(fill);
    out.set(d, left);
    return make(self, out);
  };
  defMethod(T, "ljust", (self, a) => pad(self, a, "l"));
  defMethod(T, "rjust", (self, a) => pad(self, a, "r"));
  defMethod(T, "center", (self, a) => pad(self, a, "c"));
  defMethod(T, "zfill", (self, a) => {
    const d = bdata(self);
    const w = ops.indexNum(a[0]);
    if (w <= d.length) return make(self, d.slice());
    const out = new Uint8Array(w).fill(48);
    const signed = d.length > 0 && (d[0] === 43 || d[0] === 45);
    if (signed) {
      out[0] = d[0];
      out.set(d.subarray(1), w - d.length + 1);
    } else out.set(d, w - d.length);
    return make(self, out);
  });
  defMethod(T, "partition", (self, a) => {
    const d = bdata(self);
    const sep = bytesArg(a[0]);
    const i = find(d, sep, 0, d.length);
    if (i < 0) return new PyTuple([make(self, d.slice()), make(self, new Uint8Array(0)), make(self, new Uint8Array(0))]);
    return new PyTuple([make(self, d.slice(0, i)), make(self, sep.slice()), make(self, d.slice(i + sep.length))]);
  });
  defMethod(T, "rpartition", (self, a) => {
    const d = bdata(self);
    const sep = bytesArg(a[0]);
    const i = find(d, sep, 0, d.length, true);
    if (i < 0) return new PyTuple([make(self, new Uint8Array(0)), make(self, new Uint8Array(0)), make(self, d.slice())]);
    return new PyTuple([make(self, d.slice(0, i)), make(self, sep.slice()), make(self, d.slice(i + sep.length))]);
  });
  defMethod(T, "removeprefix", (self, a) => {
    const d = bdata(self);
    const p = bytesArg(a[0]);
    return make(self, p.length && find(d.subarray(0, p.length), p, 0, p.length) === 0 && d.length >= p.length ? d.slice(p.length) : d.slice());
  });
  defMethod(T, "removesuffix", (self, a) => {
    const d = bdata(self);
    const p = bytesArg(a[0]);
    return make(self, p.length && d.length >= p.length && find(d.subarray(d.length - p.length), p, 0, p.length) === 0 ? d.slice(0, d.length - p.length) : d.slice());
  });
  defMethod(T, "translate", (self, a, kw) => {
    const [table, del] = parseArgs("translate", a, kw, ["table", "delete"], 1, 1);
    const t = table === None ? null : bytesArg(table!);
    const ds = del === undefined ? new Set<number>() : new Set(bytesArg(del));
    const out: number[] = [];
    for (const c of bdata(self)) if (!ds.has(c)) out.push(t === null ? c : t[c]);
    return make(self, Uint8Array.from(out));
  });
  defStaticMethod(T, "maketrans", (a) => {
    const f = bytesArg(a[0]);
    const t = bytesArg(a[1]);
    if (f.length !== t.length) throw valueError("maketrans arguments must have same length");
    const out = new Uint8Array(256);
    for (let i = 0; i < 256; i++) out[i] = i;
    for (let i = 0; i < f.length; i++) out[f[i]] = t[i];
    return new PyBytes(out);
  });
  defMethod(T, "expandtabs", (self, a, kw) => {
    const [ts] = parseArgs("expandtabs", a, kw, ["tabsize"], 0);
    const size = ts === undefined ? 8 : ops.indexNum(ts);
    const out: number[] = [];
    let col = 0;
    for (const c of bdata(self)) {
      if (c === 9) {
        if (size > 0) {
          const n = size - (col % size);
          for (let k = 0; k < n; k++) out.push(32);
          col += n;
        }
      } else if (c === 10 || c === 13) {
        out.push(c);
        col = 0;
      } else {
        out.push(c);
        col++;
      }
    }
    return make(self, Uint8Array.from(out));
  });
  defMethod(T, "__getnewargs__", (self) => new PyTuple([new PyBytes(bdata(self).slice())]));
  defMethod(T, "__bytes__", (self) => new PyBytes(bdata(self).slice()));
  defMethod(T, "__sizeof__", (self) => 33 + bdata(self).length);
}

// ---- bytearray mutation
function ba(x: PyObject): PyByteArray {
  return x as PyByteArray;
}
function setData(b: PyByteArray, d: Uint8Array): void {
  b.data = d;
  b.length = d.length;
}
function byteValue(v: PyObject): number {
  if (!ops.hasIndex(v)) throw typeError(`'${typeOf(v).name}' object cannot be interpreted as an integer`);
  const n = ops.index(v);
  if (n < 0 || n > 255) throw valueError("byte must be in range(0, 256)");
  return Number(n);
}
defMethod(ByteArrayType, "append", (self, a) => {
  const b = ba(self);
  const v = byteValue(a[0]);
  if (b.length >= b.data.length) {
    const nd = new Uint8Array(Math.max(16, b.data.length * 2));
    nd.set(b.data.subarray(0, b.length));
    b.data = nd;
  }
  b.data[b.length++] = v;
  return None;
});
defMethod(ByteArrayType, "extend", (self, a) => {
  const add = isBin(a[0]) ? bdata(a[0]) : Uint8Array.from(ops.toArray(a[0]).map(byteValue));
  setData(ba(self), concat([bdata(self), add]));
  return None;
});
defMethod(ByteArrayType, "__iadd__", (self, a) => {
  setData(ba(self), concat([bdata(self), bytesArg(a[0])]));
  return self;
});
defMethod(ByteArrayType, "pop", (self, a) => {
  const d = bdata(self);
  if (d.length === 0) throw indexError("pop from empty bytearray");
  let i = a.length ? ops.indexNum(a[0]) : d.length - 1;
  if (i < 0) i += d.length;
  if (i < 0 || i >= d.length) throw indexError("pop index out of range");
  const v = d[i];
  setData(ba(self), concat([d.slice(0, i), d.slice(i + 1)]));
  return v;
});
defMethod(ByteArrayType, "insert", (self, a) => {
  const d = bdata(self);
  let i = ops.indexNum(a[0]);
  if (i < 0) i = Math.max(0, i + d.length);
  i = Math.min(i, d.length);
  setData(ba(self), concat([d.slice(0, i), Uint8Array.of(byteValue(a[1])), d.slice(i)]));
  return None;
});
defMethod(ByteArrayType, "remove", (self, a) => {
  const d = bdata(self);
  const v = byteValue(a[0]);
  const i = d.indexOf(v);
  if (i < 0) throw valueError("value not found in bytearray");
  setData(ba(self), concat([d.slice(0, i), d.slice(i + 1)]));
  return None;
});
defMethod(ByteArrayType, "clear", (self) => {
  setData(ba(self), new Uint8Array(0));
  return None;
});
defMethod(ByteArrayType, "copy", (self) => new PyByteArray(bdata(self).slice()));
defMethod(ByteArrayType, "__reduce_ex__", (self) => {
  const d = (self as PyBase).dict;
  return new PyTuple([typeOf(self), new PyTuple([new PyBytes(bdata(self).slice())]), d !== null && d.size ? d : None]);
});
defMethod(ByteArrayType, "__reduce__", (self) => {
  const d = (self as PyBase).dict;
  return new PyTuple([typeOf(self), new PyTuple([new PyBytes(bdata(self).slice())]), d !== null && d.size ? d : None]);
});
defMethod(ByteArrayType, "reverse", (self) => {
  setData(ba(self), bdata(self).slice().reverse());
  return None;
});
defMethod(ByteArrayType, "__setitem__", (self, a) => {
  const b = ba(self);
  const d = bdata(self);
  const key = a[0];
  if (key instanceof PySlice) {
    const src = isBin(a[1]) ? bdata(a[1]).slice() : ops.hasIndex(a[1]) ? new Uint8Array(ops.indexNum(a[1])) : Uint8Array.from(ops.toArray(a[1]).map(byteValue));
    const [start, stop, step, n] = sliceIndices(key, d.length);
    if (step === 1) {
      setData(b, concat([d.slice(0, start), src, d.slice(Math.max(start, stop))]));
      return None;
    }
    if (src.length !== n) throw valueError(`attempt to assign bytes of size ${src.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) b.data[j] = src[i];
    return None;
  }
  let i = ops.indexNum(key);
  if (i < 0) i += d.length;
  if (i < 0 || i >= d.length) throw indexError("bytearray index out of range");
  b.data[i] = byteValue(a[1]);
  return None;
});
defMethod(ByteArrayType, "__delitem__", (self, a) => {
  const d = bdata(self);
  const key = a[0];
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, d.length);
    const del = new Set<number>();
    for (let i = 0, j = start; i < n; i++, j += step) del.add(j);
    setData(ba(self), d.filter((_, i) => !del.has(i)));
    return None;
  }
  let i = ops.indexNum(key);
  if (i < 0) i += d.length;
  if (i < 0 || i >= d.length) throw indexError("bytearray index out of range");
  setData(ba(self), concat([d.slice(0, i), d.slice(i + 1)]));
  return None;
});

// ---- codecs (utf-8, ascii, latin-1 with strict/ignore/replace/backslashreplace/xmlcharrefreplace/surrogateescape)
function normEnc(e: string): string {
  const n = e.toLowerCase().replace(/[-_ ]/g, "");
  if (n === "utf8" || n === "u8" || n === "utf") return "utf-8";
  if (n === "ascii" || n === "usascii" || n === "646") return "ascii";
  if (n === "latin1" || n === "latin" || n === "iso88591" || n === "l1" || n === "cp819" || n === "8859") return "latin-1";
  if (n === "utf16") return "utf-16";
  if (n === "utf16le") return "utf-16-le";
  if (n === "utf16be") return "utf-16-be";
  if (n === "utf32") return "utf-32";
  return n;
}
function decodeError(enc: string, d: Uint8Array, start: number, end: number, reason: string): PyBase {
  return ops.call(UnicodeDecodeErrorType, [enc, new PyBytes(d), start, end, reason]) as PyBase;
}
function encodeError(enc: string, s: string, start: number, end: number, reason: string): PyBase {
  return ops.call(UnicodeEncodeErrorType, [enc, s, start, end, reason]) as PyBase;
}
export function decodeBytes(d: Uint8Array, encoding: string, errors: string): string {
  const enc = normEnc(encoding);
  if (enc === "ascii" || enc === "latin-1") {
    let out = "";
    for (let i = 0; i < d.length; i++) {
      const c = d[i];
      if (enc === "ascii" && c >= 128) {
        if (errors === "strict") throw decodeError("ascii", d, i, i + 1, "ordinal not in range(128)");
        if (errors === "ignore") continue;
        if (errors === "replace") out += "\ufffd";
        else if (errors === "backslashreplace") out += "\\x" + c.toString(16).padStart(2, "0");
        else if (errors === "surrogateescape") out += String.fromCharCode(0xdc00 + c);
        else throw newException(LookupErrorType, `unknown error handler name '${errors}'`);
      } else out += String.fromCharCode(c);
    }
    return out;
  }
  if (enc === "utf-8") {
    if (errors === "strict") {
      try {
        return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(d);
      } catch {
        const pos = firstInvalidUtf8(d);
        throw decodeError("utf-8", d, pos[0], pos[0] + pos[1], pos[2]);
      }
    }
    if (errors === "replace") return new TextDecoder("utf-8", { ignoreBOM: true }).decode(d);
    // ignore / backslashreplace / surrogateescape: decode piecewise
    let out = "";
    let i = 0;
    while (i < d.length) {
      const [bad, len] = nextInvalid(d, i);
      out += new TextDecoder("utf-8", { ignoreBOM: true }).decode(d.subarray(i, bad));
      if (bad >= d.length) break;
      for (let k = bad; k < bad + len; k++) {
        if (errors === "ignore") continue;
        if (errors === "backslashreplace") out += "\\x" + d[k].toString(16).padStart(2, "0");
        else if (errors === "surrogateescape") out += String.fromCharCode(0xdc00 + d[k]);
        else throw newException(LookupErrorType, `unknown error handler name '${errors}'`);
      }
      i = bad + len;
    }
    return out;
  }
  if (enc === "utf-16" || enc === "utf-16-le" || enc === "utf-16-be") {
    let bytes = d;
    let le = enc !== "utf-16-be";
    if (enc === "utf-16" && d.length >= 2) {
      if (d[0] === 0xff && d[1] === 0xfe) bytes = d.subarray(2);
      else if (d[0] === 0xfe && d[1] === 0xff) {
        bytes = d.subarray(2);
        le = false;
      }
    }
    let out = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    return out;
  }
  throw newException(LookupErrorType, `unknown encoding: ${encoding}`);
}
/** [start, length, reason] of the first invalid UTF-8 sequence (CPython's reasons). */
function firstInvalidUtf8(d: Uint8Array): [number, number, string] {
  let i = 0;
  while (i < d.length) {
    const [bad, len, reason] = nextInvalidReason(d, i);
    if (bad < d.length) return [bad, len, reason];
    i = bad;
  }
  return [0, 1, "invalid start byte"];
}
function nextInvalid(d: Uint8Array, from: number): [number, number] {
  const [b, l] = nextInvalidReason(d, from);
  return [b, l];
}
function nextInvalidReason(d: Uint8Array, from: number): [number, number, string] {
  let i = from;
  while (i < d.length) {
    const c = d[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return [i, 1, "invalid start byte"];
    let k = 1;
    let cp = c & (0x3f >> need);
    for (; k <= need; k++) {
      if (i + k >= d.length) return [i, k, "unexpected end of data"];
      const cc = d[i + k];
      if ((cc & 0xc0) !== 0x80) return [i, k, "invalid continuation byte"];
      cp = (cp << 6) | (cc & 0x3f);
      if (k === 1 && ((c === 0xe0 && cc < 0xa0) || (c === 0xed && cc > 0x9f) || (c === 0xf0 && cc < 0x90) || (c === 0xf4 && cc > 0x8f))) {
        return [i, 1, "invalid continuation byte"];
      }
    }
    void min;
    i += need + 1;
  }
  return [d.length, 0, ""];
}
export function encodeStr(s: string, encoding: string, errors: string): PyBytes {
  const enc = normEnc(encoding);
  if (enc === "utf-8") {
    if (errors === "surrogateescape" || errors === "surrogatepass" || /[\ud800-\udfff]/.test(s)) {
      const out: number[] = [];
      const cps = Array.from(s);
      for (let i = 0; i < cps.length; i++) {
        const c = cps[i].codePointAt(0)!;
        if (c >= 0xd800 && c <= 0xdfff) {
          if (errors === "surrogateescape" && c >= 0xdc80 && c <= 0xdcff) {
            out.push(c - 0xdc00);
            continue;
          }
          if (errors === "ignore") continue;
          if (errors === "replace") {
            out.push(63);
            continue;
          }
          if (errors === "backslashreplace") {
            for (const ch of "\\u" + c.toString(16).padStart(4, "0")) out.push(ch.charCodeAt(0));
            continue;
          }
          throw encodeError("utf-8", s, i, i + 1, "surrogates not allowed");
        }
        for (const b of Buffer.from(cps[i], "utf8")) out.push(b);
      }
      return new PyBytes(Uint8Array.from(out));
    }
    return new PyBytes(new Uint8Array(Buffer.from(s, "utf8")));
  }
  if (enc === "ascii" || enc === "latin-1") {
    const lim = enc === "ascii" ? 0x80 : 0x100;
    const out: number[] = [];
    const cps = Array.from(s);
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i].codePointAt(0)!;
      if (c < lim) {
        out.push(c);
        continue;
      }
      switch (errors) {
        case "strict": {
          let j = i + 1;
          while (j < cps.length && cps[j].codePointAt(0)! >= lim) j++;
          throw encodeError(enc === "ascii" ? "ascii" : "latin-1", s, i, j, `ordinal not in range(${lim})`);
        }
        case "ignore":
          break;
        case "replace":
          out.push(63);
          break;
        case "xmlcharrefreplace":
          for (const ch of `&#${c};`) out.push(ch.charCodeAt(0));
          break;
        case "backslashreplace": {
          const esc = c <= 0xff ? "\\x" + c.toString(16).padStart(2, "0") : c <= 0xffff ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
          for (const ch of esc) out.push(ch.charCodeAt(0));
          break;
        }
        case "surrogateescape":
          if (c >= 0xdc80 && c <= 0xdcff) {
            out.push(c - 0xdc00);
            break;
          }
          throw encodeError(enc === "ascii" ? "ascii" : "latin-1", s, i, i + 1, `ordinal not in range(${lim})`);
        default:
          throw newException(LookupErrorType, `unknown error handler name '${errors}'`);
      }
    }
    return new PyBytes(Uint8Array.from(out));
  }
  if (enc === "utf-16" || enc === "utf-16-le" || enc === "utf-16-be") {
    const out: number[] = enc === "utf-16" ? [0xff, 0xfe] : [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (enc === "utf-16-be") out.push(c >> 8, c & 0xff);
      else out.push(c & 0xff, c >> 8);
    }
    return new PyBytes(Uint8Array.from(out));
  }
  throw newException(LookupErrorType, `unknown encoding: ${encoding}`);
}
setEncodeStrHook(encodeStr);
setDecodeBytesHook((obj, encoding, errors) => {
  if (!isBin(obj)) {
    if (isStr(obj)) throw typeError("decoding str is not supported");
    throw typeError(`decoding to str: need a bytes-like object, ${typeOf(obj).name} found`);
  }
  return decodeBytes(bdata(obj), encoding, errors);
});

/** bytes % args (PEP 461): %s/%b take bytes, %a/%r ascii(), numbers as for str. */
function bytesPercent(self: PyObject, args: PyObject): string {
  const fmt = Buffer.from(bdata(self)).toString("latin1");
  const conv = (v: PyObject): PyObject => {
    if (isBin(v)) return Buffer.from(bdata(v)).toString("latin1");
    const bf = typeOf(v).lookup("__bytes__");
    if (bf !== undefined) return Buffer.from(bdata(ops.callUnbound(bf, v, []))).toString("latin1");
    return v;
  };
  const mapped = args instanceof PyTuple ? new PyTuple(args.items.map(conv)) : args instanceof PyDict ? args : conv(args);
  return percentFormatRef(fmt, mapped, true);
}
import { percentFormat as percentFormatRef } from "./strformat";
export { NotImplemented };
