// str: code-point indexing over JS strings, the common methods, str.format (PEP 3101) and format().
import { parseFormatString, splitFieldName } from "./formatParser";
import {
  StrType,
  None,
  NotImplemented,
  PyObject,
  PyStrObj,
  PyTuple,
  PyList,
  PyType,
  PySlice,
  PyDict,
  PyBytes,
  PyFloat,
  intValue,
  isInt,
  isStr,
  strValue,
  typeError,
  typeOf,
  valueError,
  indexError,
  newException,
  makeBuiltinType,
  ObjectType,
  PyBase,
  overflowError,
  LookupErrorType,
} from "../core";
import * as ops from "../ops";
import { defMethod, defStaticMethod, parseArgs, arity } from "../define";
import { strLower, strUpper, strCasefold, strCapitalize, strSwapcase, strTitle, strIsPrintable, strIsLower, strIsUpper, strIsTitle, strIsIdentifier } from "../unicode/index";
import { flagsOf, decimalValue, digitValue, numericValue } from "../unicode/ctype";
import { formatStr } from "../numeric/formatSpec";
import { formatInt, formatFloat } from "../numeric/formatSpec";
import { sliceIndices } from "./slice";
import { interp } from "../interpreter";

// ---- code point helpers

export function codePoints(s: string): string[] {
  return Array.from(s);
}
/** Character at code point index i (i already normalised, in range). */
export function charAt(s: string, i: number): string {
  if (!ops.hasSurrogates(s)) return s[i];
  return codePoints(s)[i];
}
export function self_(x: PyObject): string {
  return typeof x === "string" ? x : strValue(x);
}
function argS(x: PyObject, fname: string, pos = 1): string {
  if (typeof x === "string") return x;
  if (x instanceof PyStrObj) return x.value;
  throw typeError(`${fname}() argument ${pos} must be str, not ${typeOf(x).name}`);
}

StrType.slots.repr = (x) => ops.strRepr(self_(x));
StrType.slots.str = (x) => self_(x);
StrType.slots.hash = (x) => ops.hash(self_(x));
StrType.slots.len = (x) => ops.strLen(self_(x));

// ---- iteration
export const StrIterType = makeBuiltinType("str_ascii_iterator", ObjectType, { subclassable: false });
class StrIter extends PyBase {
  i = 0;
  chars: string[] | null;
  constructor(public s: string) {
    super(StrIterType);
    this.chars = ops.hasSurrogates(s) ? codePoints(s) : null;
  }
}
StrIterType.slots.iter = (x) => x;
StrIterType.slots.next = (x) => {
  const it = x as StrIter;
  if (it.chars !== null) return it.i < it.chars.length ? it.chars[it.i++] : undefined;
  return it.i < it.s.length ? it.s[it.i++] : undefined;
};
StrType.slots.iter = (x) => new StrIter(self_(x));

// ---- construction
defStaticMethod(StrType, "__new__", (args, kw) => {
  const cls = args[0] as PyType;
  const [obj, encoding, errors] = parseArgs("str", args.slice(1), kw, ["object", "encoding", "errors"], 0);
  let v: string;
  if (obj === undefined) v = "";
  else if (encoding === undefined && errors === undefined) v = ops.str(obj);
  else v = decodeBytesHook(obj, encoding === undefined ? "utf-8" : argS(encoding, "str", 2), errors === undefined ? "strict" : argS(errors, "str", 3));
  if (cls === StrType) return v;
  const o = new PyStrObj(cls, v);
  if (cls.instDict) o.dict = new PyDict();
  return o;
});
/** bytes.decode, installed by objects/bytes.ts. */
export let decodeBytesHook: (obj: PyObject, encoding: string, errors: string) => string = (obj, encoding) => {
  if (obj instanceof PyBytes && /^utf-?8$/i.test(encoding)) return Buffer.from(obj.data).toString("utf8");
  throw typeError(`decoding to str: need a bytes-like object, ${typeOf(obj).name} found`);
};
export function setDecodeBytesHook(f: typeof decodeBytesHook): void {
  decodeBytesHook = f;
}

// ---- operators
defMethod(StrType, "__add__", (self, args) => {
  const o = args[0];
  if (!isStr(o)) return NotImplemented;
  return self_(self) + strValue(o);
});
function repeat(self: PyObject, n: PyObject): PyObject {
  if (!ops.hasIndex(n)) return NotImplemented;
  const k = ops.index(n);
  const s = self_(self);
  if (k <= 0 || s.length === 0) return "";
  if (typeof k === "bigint" || s.length * k > 2 ** 29) throw newException(overflowErrorType(), "repeated string is too long");
  return s.repeat(k);
}
function overflowErrorType(): PyType {
  return overflowError("").type;
}
defMethod(StrType, "__mul__", (self, args) => repeat(self, args[0]));
defMethod(StrType, "__rmul__", (self, args) => repeat(self, args[0]));
defMethod(StrType, "__mod__", (self, args) => percentFormatHook(self_(self), args[0]));
defMethod(StrType, "__rmod__", () => NotImplemented);
/** printf-style formatting, installed by objects/strformat.ts (or a later engineer). */
export let percentFormatHook: (fmt: string, args: PyObject) => string = () => {
  throw newException(notImplementedT(), "str % args is not implemented yet");
};
export function setPercentFormatHook(f: typeof percentFormatHook): void {
  percentFormatHook = f;
}
import { NotImplementedErrorType } from "../core";
function notImplementedT(): PyType {
  return NotImplementedErrorType;
}
for (const [name, op] of [
  ["lt", (a: string, b: string) => a < b],
  ["le", (a: string, b: string) => a <= b],
  ["gt", (a: string, b: string) => a > b],
  ["ge", (a: string, b: string) => a >= b],
  ["eq", (a: string, b: string) => a === b],
  ["ne", (a: string, b: string) => a !== b],
] as [string, (a: string, b: string) => boolean][]) {
  defMethod(StrType, `__${name}__`, (self, args) => {
    const o = args[0];
    if (!isStr(o)) return NotImplemented;
    return op(self_(self), strValue(o));
  });
}
defMethod(StrType, "__contains__", (self, args) => {
  const o = args[0];
  if (!isStr(o)) throw typeError(`'in <string>' requires string as left operand, not ${typeOf(o).name}`);
  return self_(self).includes(strValue(o));
});
defMethod(StrType, "__len__", (self) => ops.strLen(self_(self)));
defMethod(StrType, "__getitem__", (self, args) => strGetItem(self_(self), args[0]));
defMethod(StrType, "__iter__", (self) => StrType.slots.iter!(self));
defMethod(StrType, "__hash__", (self) => ops.hash(self_(self)));
defMethod(StrType, "__repr__", (self) => ops.strRepr(self_(self)));
defMethod(StrType, "__str__", (self) => self_(self));
defMethod(StrType, "__format__", (self, args) => {
  const spec = argS(args[0], "format");
  return spec === "" ? self_(self) : formatStr(self_(self), spec);
});
defMethod(StrType, "__getnewargs__", (self) => new PyTuple([self_(self)]));
defMethod(StrType, "__sizeof__", (self) => 49 + self_(self).length);

export function strGetItem(s: string, key: PyObject): PyObject {
  if (key instanceof PySlice) {
    const surr = ops.hasSurrogates(s);
    const len = surr ? codePoints(s).length : s.length;
    const [start, , step, n] = sliceIndices(key, len);
    if (step === 1) return surr ? codePoints(s).slice(start, start + n).join("") : s.slice(start, start + n);
    const cps = surr ? codePoints(s) : null;
    let out = "";
    for (let i = 0, j = start; i < n; i++, j += step) out += cps ? cps[j] : s[j];
    return out;
  }
  if (!ops.hasIndex(key)) throw typeError(`string indices must be integers, not '${typeOf(key).name}'`);
  let i = ops.indexNum(key);
  if (!ops.hasSurrogates(s)) {
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) throw indexError("string index out of range");
    return s[i];
  }
  const cps = codePoints(s);
  if (i < 0) i += cps.length;
  if (i < 0 || i >= cps.length) throw indexError("string index out of range");
  return cps[i];
}

// ---- methods
function optStr(x: PyObject | undefined, fname: string): string | null {
  if (x === undefined || x === None) return null;
  return argS(x, fname);
}
const WS = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g;
function isPySpace(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  if (chars === null) {
    let a = 0;
    let b = s.length;
    if (left) while (a < b && isPySpace(s[a])) a++;
    if (right) while (b > a && isPySpace(s[b - 1])) b--;
    return s.slice(a, b);
  }
  const set = new Set(codePoints(chars));
  const cps = codePoints(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join("");
}
void WS;
defMethod(StrType, "strip", (self, args) => (arity("strip", args, null, 0, 1), stripChars(self_(self), optStr(args[0], "strip"), true, true)));
defMethod(StrType, "lstrip", (self, args) => (arity("lstrip", args, null, 0, 1), stripChars(self_(self), optStr(args[0], "lstrip"), true, false)));
defMethod(StrType, "rstrip", (self, args) => (arity("rstrip", args, null, 0, 1), stripChars(self_(self), optStr(args[0], "rstrip"), false, true)));

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isPySpace(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isPySpace(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}
function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let j = s.length;
  while (j > 0) {
    while (j > 0 && isPySpace(s[j - 1])) j--;
    if (j <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, j));
      break;
    }
    let i = j;
    while (i > 0 && !isPySpace(s[i - 1])) i--;
    out.push(s.slice(i, j));
    j = i;
  }
  return out.reverse();
}
defMethod(StrType, "split", (self, args, kw) => {
  const [sep, maxsplit] = parseArgs("split", args, kw, ["sep", "maxsplit"], 0);
  const s = self_(self);
  const max = maxsplit === undefined ? -1 : ops.indexNum(maxsplit);
  const sp = optStr(sep, "split");
  if (sp === null) return new PyList(splitWhitespace(s, max));
  if (sp === "") throw valueError("empty separator");
  const parts = s.split(sp);
  if (max >= 0 && parts.length > max + 1) {
    const head = parts.slice(0, max);
    head.push(parts.slice(max).join(sp));
    return new PyList(head);
  }
  return new PyList(parts);
});
defMethod(StrType, "rsplit", (self, args, kw) => {
  const [sep, maxsplit] = parseArgs("rsplit", args, kw, ["sep", "maxsplit"], 0);
  const s = self_(self);
  const max = maxsplit === undefined ? -1 : ops.indexNum(maxsplit);
  const sp = optStr(sep, "rsplit");
  if (sp === null) return new PyList(rsplitWhitespace(s, max));
  if (sp === "") throw valueError("empty separator");
  const parts = s.split(sp);
  if (max >= 0 && parts.length > max + 1) {
    const keep = parts.slice(parts.length - max);
    return new PyList([parts.slice(0, parts.length - max).join(sp), ...keep]);
  }
  return new PyList(parts);
});
defMethod(StrType, "splitlines", (self, args, kw) => {
  const [keepends] = parseArgs("splitlines", args, kw, ["keepends"], 0);
  const keep = keepends !== undefined && ops.truthy(keepends);
  const s = self_(self);
  const out: string[] = [];
  let i = 0;
  let start = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let eol = 0;
    if (c === 13 && s.charCodeAt(i + 1) === 10) eol = 2;
    else if (c === 10 || c === 13 || c === 11 || c === 12 || c === 0x1c || c === 0x1d || c === 0x1e || c === 0x85 || c === 0x2028 || c === 0x2029) eol = 1;
    if (eol) {
      out.push(s.slice(start, keep ? i + eol : i));
      i += eol;
      start = i;
    } else i++;
  }
  if (start < s.length) out.push(s.slice(start));
  return new PyList(out);
});
defMethod(StrType, "join", (self, args) => {
  arity("join", args, null, 1);
  const sep = self_(self);
  const parts: string[] = [];
  let i = 0;
  ops.iterate(args[0], (x) => {
    if (typeof x === "string") parts.push(x);
    else if (x instanceof PyStrObj) parts.push(x.value);
    else throw typeError(`sequence item ${i}: expected str instance, ${typeOf(x).name} found`);
    i++;
  });
  return parts.join(sep);
});
defMethod(StrType, "upper", (self) => strUpper(self_(self)));
defMethod(StrType, "lower", (self) => strLower(self_(self)));
defMethod(StrType, "casefold", (self) => strCasefold(self_(self)));
defMethod(StrType, "capitalize", (self) => strCapitalize(self_(self)));
defMethod(StrType, "swapcase", (self) => strSwapcase(self_(self)));
defMethod(StrType, "title", (self) => strTitle(self_(self)));
defMethod(StrType, "isprintable", (self) => strIsPrintable(self_(self)));
defMethod(StrType, "islower", (self) => strIsLower(self_(self)));
defMethod(StrType, "isupper", (self) => strIsUpper(self_(self)));
defMethod(StrType, "istitle", (self) => strIsTitle(self_(self)));
defMethod(StrType, "isidentifier", (self) => strIsIdentifier(self_(self)));
defMethod(StrType, "isascii", (self) => /^[\x00-\x7f]*$/.test(self_(self)));
function allCps(s: string, pred: (cp: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!pred(ch.codePointAt(0)!)) return false;
  return true;
}
defMethod(StrType, "isspace", (self) => allCps(self_(self), (c) => isPySpace(String.fromCodePoint(c))));
defMethod(StrType, "isdecimal", (self) => allCps(self_(self), (c) => decimalValue(c) >= 0));
defMethod(StrType, "isdigit", (self) => allCps(self_(self), (c) => digitValue(c) >= 0));
defMethod(StrType, "isnumeric", (self) => allCps(self_(self), (c) => numericValue(c) !== undefined));
defMethod(StrType, "isalpha", (self) => allCps(self_(self), (c) => /\p{L}/u.test(String.fromCodePoint(c))));
defMethod(StrType, "isalnum", (self) =>
  allCps(self_(self), (c) => /\p{L}/u.test(String.fromCodePoint(c)) || numericValue(c) !== undefined || decimalValue(c) >= 0 || digitValue(c) >= 0),
);
void flagsOf;

function subRange(s: string, start: PyObject | undefined, end: PyObject | undefined): [number, number] {
  const len = s.length;
  let a = start === undefined || start === None ? 0 : ops.indexNum(start);
  let b = end === undefined || end === None ? len : ops.indexNum(end);
  if (a < 0) a = Math.max(0, a + len);
  if (b < 0) b = Math.max(0, b + len);
  if (b > len) b = len;
  return [a, b];
}
/** Maps code unit offsets <-> code point offsets for strings with surrogates. */
function cpIndex(s: string, unitIdx: number): number {
  if (!ops.hasSurrogates(s)) return unitIdx;
  return codePoints(s.slice(0, unitIdx)).length;
}
function unitIndex(s: string, cpIdx: number): number {
  if (!ops.hasSurrogates(s)) return cpIdx;
  const cps = codePoints(s);
  return cps.slice(0, cpIdx).join("").length;
}
function findImpl(self: PyObject, args: PyObject[], fname: string, rev: boolean): number {
  arity(fname, args, null, 1, 3);
  const s = self_(self);
  const sub = argS(args[0], fname);
  let [a, b] = subRange(ops.hasSurrogates(s) ? codePoints(s).join("") : s, args[1], args[2]);
  a = unitIndex(s, a);
  b = unitIndex(s, b);
  if (a > s.length || b - a < sub.length) return a <= b && sub.length === 0 && a <= s.length ? cpIndex(s, rev ? b : a) : -1;
  const r = rev ? s.lastIndexOf(sub, b - sub.length) : s.indexOf(sub, a);
  if (r < 0 || r < a || r + sub.length > b) return -1;
  return cpIndex(s, r);
}
defMethod(StrType, "find", (self, args) => findImpl(self, args, "find", false));
defMethod(StrType, "rfind", (self, args) => findImpl(self, args, "rfind", true));
defMethod(StrType, "index", (self, args) => {
  const r = findImpl(self, args, "index", false);
  if (r < 0) throw valueError("substring not found");
  return r;
});
defMethod(StrType, "rindex", (self, args) => {
  const r = findImpl(self, args, "rindex", true);
  if (r < 0) throw valueError("substring not found");
  return r;
});
defMethod(StrType, "count", (self, args) => {
  arity("count", args, null, 1, 3);
  const s0 = self_(self);
  const sub = argS(args[0], "count");
  const [a0, b0] = subRange(s0, args[1], args[2]);
  const a = unitIndex(s0, a0);
  const b = unitIndex(s0, b0);
  if (a > b) return 0;
  const s = s0.slice(a, b);
  if (sub === "") return ops.strLen(s) + 1;
  let n = 0;
  let i = 0;
  for (;;) {
    const j = s.indexOf(sub, i);
    if (j < 0) break;
    n++;
    i = j + sub.length;
  }
  return n;
});
defMethod(StrType, "replace", (self, args) => {
  arity("replace", args, null, 2, 3);
  const s = self_(self);
  const old = argS(args[0], "replace");
  const nw = argS(args[1], "replace", 2);
  let count = args.length > 2 ? ops.indexNum(args[2]) : -1;
  if (count < 0) {
    if (old === "") return nw + codePoints(s).join(nw) + (s.length ? nw : "");
    return s.split(old).join(nw);
  }
  if (old === "") {
    const cps = codePoints(s);
    let out = "";
    let i = 0;
    for (; i < cps.length && count > 0; i++, count--) out += nw + cps[i];
    if (count > 0 && i === cps.length) out += nw;
    return out + cps.slice(i).join("");
  }
  let out = "";
  let i = 0;
  while (count > 0) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + nw;
    i = j + old.length;
    count--;
  }
  return out + s.slice(i);
});
function startsEnds(self: PyObject, args: PyObject[], fname: string, ends: boolean): boolean {
  arity(fname, args, null, 1, 3);
  const s0 = self_(self);
  const [a0, b0] = subRange(s0, args[1], args[2]);
  const a = unitIndex(s0, a0);
  const b = unitIndex(s0, b0);
  const p = args[0];
  const cands = p instanceof PyTuple ? p.items : [p];
  for (const c of cands) {
    if (!isStr(c)) {
      throw typeError(
        p instanceof PyTuple
          ? `tuple for ${fname} must only contain str, not ${typeOf(c).name}`
          : `${fname} first arg must be str or a tuple of str, not ${typeOf(c).name}`,
      );
    }
    const cs = strValue(c);
    if (a > s0.length || b - a < cs.length) continue;
    if (ends ? s0.slice(a, b).endsWith(cs) : s0.slice(a, b).startsWith(cs)) return true;
  }
  return false;
}
defMethod(StrType, "startswith", (self, args) => startsEnds(self, args, "startswith", false));
defMethod(StrType, "endswith", (self, args) => startsEnds(self, args, "endswith", true));
function fillArg(args: PyObject[], fname: string): [number, string] {
  arity(fname, args, null, 1, 2);
  const w = ops.indexNum(args[0]);
  let fill = " ";
  if (args.length > 1) {
    fill = argS(args[1], fname, 2);
    if (ops.strLen(fill) !== 1) throw typeError("The fill character must be exactly one character long");
  }
  return [w, fill];
}
defMethod(StrType, "center", (self, args) => {
  const [w, fill] = fillArg(args, "center");
  const s = self_(self);
  const len = ops.strLen(s);
  if (w <= len) return s;
  const marg = w - len;
  const left = Math.floor(marg / 2) + (marg & w & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
});
defMethod(StrType, "ljust", (self, args) => {
  const [w, fill] = fillArg(args, "ljust");
  const s = self_(self);
  const len = ops.strLen(s);
  return w <= len ? s : s + fill.repeat(w - len);
});
defMethod(StrType, "rjust", (self, args) => {
  const [w, fill] = fillArg(args, "rjust");
  const s = self_(self);
  const len = ops.strLen(s);
  return w <= len ? s : fill.repeat(w - len) + s;
});
defMethod(StrType, "zfill", (self, args) => {
  arity("zfill", args, null, 1);
  const w = ops.indexNum(args[0]);
  const s = self_(self);
  const len = ops.strLen(s);
  if (w <= len) return s;
  const pad = "0".repeat(w - len);
  if (s[0] === "+" || s[0] === "-") return s[0] + pad + s.slice(1);
  return pad + s;
});
defMethod(StrType, "partition", (self, args) => {
  const s = self_(self);
  const sep = argS(args[0], "partition");
  if (sep === "") throw valueError("empty separator");
  const i = s.indexOf(sep);
  if (i < 0) return new PyTuple([s, "", ""]);
  return new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
});
defMethod(StrType, "rpartition", (self, args) => {
  const s = self_(self);
  const sep = argS(args[0], "rpartition");
  if (sep === "") throw valueError("empty separator");
  const i = s.lastIndexOf(sep);
  if (i < 0) return new PyTuple(["", "", s]);
  return new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
});
defMethod(StrType, "removeprefix", (self, args) => {
  const s = self_(self);
  const p = argS(args[0], "removeprefix");
  return p && s.startsWith(p) ? s.slice(p.length) : s;
});
defMethod(StrType, "removesuffix", (self, args) => {
  const s = self_(self);
  const p = argS(args[0], "removesuffix");
  return p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
});
defMethod(StrType, "expandtabs", (self, args, kw) => {
  const [ts] = parseArgs("expandtabs", args, kw, ["tabsize"], 0);
  const size = ts === undefined ? 8 : ops.indexNum(ts);
  let out = "";
  let col = 0;
  for (const ch of self_(self)) {
    if (ch === "\t") {
      if (size > 0) {
        const n = size - (col % size);
        out += " ".repeat(n);
        col += n;
      }
    } else if (ch === "\n" || ch === "\r") {
      out += ch;
      col = 0;
    } else {
      out += ch;
      col++;
    }
  }
  return out;
});
defMethod(StrType, "encode", (self, args, kw) => {
  const [encoding, errors] = parseArgs("encode", args, kw, ["encoding", "errors"], 0);
  return encodeStrHook(self_(self), encoding === undefined ? "utf-8" : argS(encoding, "encode"), errors === undefined ? "strict" : argS(errors, "encode", 2));
});
/** str.encode, replaced by the codecs implementation (objects/bytes.ts or modules/_codecs.ts). */
export let encodeStrHook: (s: string, encoding: string, errors: string) => PyObject = (s, encoding) => {
  const e = encoding.toLowerCase().replace(/[-_ ]/g, "");
  if (e === "utf8") return new PyBytes(new Uint8Array(Buffer.from(s, "utf8")));
  if (e === "ascii" || e === "latin1" || e === "iso88591") {
    const lim = e === "ascii" ? 0x80 : 0x100;
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= lim) {
        throw newException(LookupErrorType, `'${e === "ascii" ? "ascii" : "latin-1"}' codec can't encode character '\\u${c.toString(16).padStart(4, "0")}'`);
      }
      out[i] = c;
    }
    return new PyBytes(out);
  }
  throw newException(LookupErrorType, `unknown encoding: ${encoding}`);
};
export function setEncodeStrHook(f: typeof encodeStrHook): void {
  encodeStrHook = f;
}
defMethod(StrType, "translate", (self, args) => {
  const table = args[0];
  let out = "";
  for (const ch of self_(self)) {
    const cp = ch.codePointAt(0)!;
    let v: PyObject | undefined;
    try {
      v = ops.getItem(table, cp);
    } catch (e) {
      if (e instanceof PyBase && ops.isInstanceOf(e, LookupErrorType)) {
        out += ch;
        continue;
      }
      throw e;
    }
    if (v === None) continue;
    if (isInt(v)) out += String.fromCodePoint(Number(intValue(v)));
    else if (isStr(v)) out += strValue(v);
    else throw typeError("character mapping must return integer, None or str");
  }
  return out;
});
defStaticMethod(StrType, "maketrans", (args) => {
  const d = new PyDict();
  if (args.length === 1) {
    const m = args[0];
    if (!(m instanceof PyDict)) throw typeError("if you give only one argument to maketrans it must be a dict");
    for (const [k, v] of m.entries()) {
      if (isStr(k)) {
        if (ops.strLen(strValue(k)) !== 1) throw valueError("string keys in translate table must be of length 1");
        d.set(strValue(k).codePointAt(0)!, v);
      } else d.set(k, v);
    }
    return d;
  }
  const x = codePoints(argS(args[0], "maketrans"));
  const y = codePoints(argS(args[1], "maketrans", 2));
  if (x.length !== y.length) throw valueError("the first two maketrans arguments must have equal length");
  for (let i = 0; i < x.length; i++) d.set(x[i].codePointAt(0)!, y[i].codePointAt(0)!);
  if (args.length > 2) for (const ch of argS(args[2], "maketrans", 3)) d.set(ch.codePointAt(0)!, None);
  return d;
});

// ---------------------------------------------------------------------------------------------------------------
// format() and str.format

/** format(value, spec): fast paths for str/int/float, else type(value).__format__(value, spec). */
export function formatValue(v: PyObject, spec: string): string {
  if (typeof v === "string") return spec === "" ? v : formatStr(v, spec);
  if (typeof v === "number" || typeof v === "bigint") return spec === "" ? ops.str(v) : formatInt(v, spec);
  if (v instanceof PyFloat && v.type.name === "float" && !v.type.heap) return spec === "" ? ops.repr(v) : formatFloat(v.value, spec);
  const f = typeOf(v).lookup("__format__");
  if (f === undefined) throw typeError(`Type ${typeOf(v).name} doesn't define __format__`);
  const r = ops.callUnbound(f, v, [spec]);
  if (!isStr(r)) throw typeError(`__format__ must return a str, not ${typeOf(r).name}`);
  return strValue(r);
}

interface FieldRef {
  autoIndex: { n: number; mode: "none" | "auto" | "manual" };
}

function getField(fieldName: string, args: PyObject[], kwargs: PyDict | null, st: FieldRef): PyObject {
  const { first, rest } = splitFieldName(fieldName);
  let obj: PyObject;
  if (first === "") {
    if (st.autoIndex.mode === "manual") throw valueError("cannot switch from manual field specification to automatic field numbering");
    st.autoIndex.mode = "auto";
    const idx = st.autoIndex.n++;
    if (idx >= args.length) throw newException(indexErrorT(), `Replacement index ${idx} out of range for positional args tuple`);
    obj = args[idx];
  } else if (typeof first === "number") {
    if (st.autoIndex.mode === "auto") throw valueError("cannot switch from automatic field numbering to manual field specification");
    st.autoIndex.mode = "manual";
    if (first >= args.length) throw newException(indexErrorT(), `Replacement index ${first} out of range for positional args tuple`);
    obj = args[first];
  } else {
    const v = kwargs === null ? undefined : kwargs.get(first);
    if (v === undefined) throw newException(keyErrorT(), [first]);
    obj = v;
  }
  for (const part of rest) obj = part.isAttr ? ops.getAttr(obj, part.key as string) : ops.getItem(obj, part.key);
  return obj;
}
import { IndexErrorType, KeyErrorType } from "../core";
function indexErrorT(): PyType {
  return IndexErrorType;
}
function keyErrorT(): PyType {
  return KeyErrorType;
}

/** str.format / format_map implementation (PEP 3101). */
export function strFormat(fmt: string, args: PyObject[], kwargs: PyDict | null, st: FieldRef = { autoIndex: { n: 0, mode: "none" } }, depth = 2): string {
  if (depth < 0) throw valueError("Max string recursion exceeded");
  let out = "";
  for (const chunk of parseFormatString(fmt)) {
    out += chunk.literal;
    const field = chunk.field;
    if (field === null) continue;
    let obj = getField(field.name, args, kwargs, st);
    const conv = field.conversion;
    if (conv !== null) {
      if (conv === "r") obj = ops.repr(obj);
      else if (conv === "s") obj = ops.str(obj);
      else if (conv === "a") obj = asciiOf(ops.repr(obj));
      else throw valueError(`Unknown conversion specifier ${conv}`);
    }
    const spec = field.spec.includes("{") ? strFormat(field.spec, args, kwargs, st, depth - 1) : field.spec;
    out += formatValue(obj, spec);
  }
  return out;
}
function asciiOf(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c <= 0xff) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out;
}
defMethod(StrType, "format", (self, args, kw) => {
  const nkw = kw === null ? 0 : kw.length;
  const pos = args.slice(0, args.length - nkw);
  let kwargs: PyDict | null = null;
  if (nkw) {
    kwargs = new PyDict();
    for (let i = 0; i < nkw; i++) kwargs.setStr(kw![i], args[pos.length + i]);
  }
  return strFormat(self_(self), pos, kwargs);
});
defMethod(StrType, "format_map", (self, args) => {
  const m = args[0];
  if (m instanceof PyDict) return strFormat(self_(self), [], m);
  // generic mappings: copy lazily via __getitem__
  const proxy = new PyDict();
  const fmt = self_(self);
  const names = fmt.match(/\{([^{}!:.[\]]+)/g) ?? [];
  for (const nm of names) {
    const key = nm.slice(1);
    if (!/^\d*$/.test(key)) proxy.setStr(key, ops.getItem(m, key));
  }
  return strFormat(fmt, [], proxy);
});

interp.format = formatValue;
