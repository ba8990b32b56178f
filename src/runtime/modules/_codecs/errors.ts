// Codec error handling: the error-handler registry (codecs.register_error/lookup_error), the standard handlers and
// the calls a codec makes when it meets an undecodable byte run or an unencodable character run.
import {
  PyObject,
  PyBytes,
  PyTuple,
  PyBaseException,
  typeError,
  newException,
  isinstance,
  isInt,
  intValue,
  isStr,
  strValue,
  typeOf,
  IndexErrorType,
  LookupErrorType,
  UnicodeDecodeErrorType,
  UnicodeEncodeErrorType,
  UnicodeTranslateErrorType,
} from "../../core";
import { builtinFunction } from "../../define";
import * as ops from "../../ops";
import { bytesArg } from "../../objects/bytes";
import { toCodePoints } from "../../unicode/codepoints";
import { nameOf } from "../../../compiler/unicodeNames";

/** A codec's replacement for a failing run: text (to encode again / insert) or raw bytes, and where to resume. */
export interface Replacement {
  repl: string | Uint8Array;
  newpos: number;
}

const registry = new Map<string, PyObject>();

export function makeDecodeError(enc: string, data: Uint8Array, start: number, end: number, reason: string): PyBaseException {
  return ops.call(UnicodeDecodeErrorType, [enc, new PyBytes(data), start, end, reason]) as PyBaseException;
}
export function makeEncodeError(enc: string, s: string, start: number, end: number, reason: string): PyBaseException {
  return ops.call(UnicodeEncodeErrorType, [enc, s, start, end, reason]) as PyBaseException;
}

function hexEsc(c: number): string {
  if (c <= 0xff) return "\\x" + c.toString(16).padStart(2, "0");
  if (c <= 0xffff) return "\\u" + c.toString(16).padStart(4, "0");
  return "\\U" + c.toString(16).padStart(8, "0");
}

/** The encoding family surrogatepass works with ("utf-8", "utf-16-le", ...), or null (CPython's get_standard_encoding). */
function standardEncoding(enc: string): { kind: "utf-8" | "utf-16" | "utf-32"; le: boolean } | null {
  const e = enc.toLowerCase().replace(/_/g, "-");
  if (e === "utf-8" || e === "utf8" || e === "cp-utf8") return { kind: "utf-8", le: true };
  const m = /^utf-?(16|32)(-?(le|be))?$/.exec(e);
  if (m === null) return null;
  return { kind: m[1] === "16" ? "utf-16" : "utf-32", le: m[3] !== "be" };
}

// ---- the standard handlers, over exception objects (what lookup_error returns) -----------------------------------

interface ExcView {
  exc: PyBaseException;
  kind: "encode" | "decode" | "translate";
  enc: string;
  obj: PyObject;
  start: number;
  end: number;
}
function attr(e: PyBaseException, name: string): PyObject {
  return ops.getAttr(e, name);
}
function view(exc: PyObject): ExcView {
  if (!(exc instanceof PyBaseException)) throw typeError(`don't know how to handle ${typeOf(exc).name} in error callback`);
  const kind = isinstance(exc, UnicodeEncodeErrorType)
    ? "encode"
    : isinstance(exc, UnicodeDecodeErrorType)
      ? "decode"
      : isinstance(exc, UnicodeTranslateErrorType)
        ? "translate"
        : null;
  if (kind === null) throw typeError(`don't know how to handle ${typeOf(exc).name} in error callback`);
  const enc = kind === "translate" ? "" : ops.pyStr(attr(exc, "encoding"));
  const obj = attr(exc, "object");
  const start = Number(intValue(attr(exc, "start")));
  const end = Number(intValue(attr(exc, "end")));
  return { exc, kind, enc, obj, start, end };
}
function badKind(v: ExcView): PyBaseException {
  return typeError(`don't know how to handle ${typeOf(v.exc).name} in error callback`);
}
function objCodePoints(v: ExcView): number[] {
  return toCodePoints(strValue(v.obj));
}
function objBytes(v: ExcView): Uint8Array {
  if (v.obj instanceof PyBytes) return v.obj.data;
  return bytesArg(v.obj);
}

/** Applies a standard handler by name; `null` when the name is not a standard one. Throws for strict and failures. */
export function standardHandler(name: string, v: ExcView): Replacement | null {
  switch (name) {
    case "strict":
      throw v.exc;
    case "ignore":
      return { repl: "", newpos: v.end };
    case "replace":
      if (v.kind === "decode") return { repl: "\ufffd", newpos: v.end };
      return { repl: (v.kind === "encode" ? "?" : "\ufffd").repeat(Math.max(0, v.end - v.start)), newpos: v.end };
    case "backslashreplace": {
      if (v.kind === "decode") {
        const d = objBytes(v);
        let r = "";
        for (let i = v.start; i < v.end; i++) r += "\\x" + d[i].toString(16).padStart(2, "0");
        return { repl: r, newpos: v.end };
      }
      const cps = objCodePoints(v);
      let r = "";
      for (let i = v.start; i < v.end && i < cps.length; i++) r += hexEsc(cps[i]);
      return { repl: r, newpos: v.end };
    }
    case "xmlcharrefreplace": {
      if (v.kind !== "encode") throw badKind(v);
      const cps = objCodePoints(v);
      let r = "";
      for (let i = v.start; i < v.end && i < cps.length; i++) r += `&#${cps[i]};`;
      return { repl: r, newpos: v.end };
    }
    case "namereplace": {
      if (v.kind !== "encode") throw badKind(v);
      const cps = objCodePoints(v);
      let r = "";
      for (let i = v.start; i < v.end && i < cps.length; i++) {
        const n = nameOf(cps[i]);
        r += n === null ? hexEsc(cps[i]) : `\\N{${n}}`;
      }
      return { repl: r, newpos: v.end };
    }
    case "surrogateescape":
      return surrogateEscape(v);
    case "surrogatepass":
      return surrogatePass(v);
    default:
      return null;
  }
}

function surrogateEscape(v: ExcView): Replacement {
  if (v.kind === "decode") {
    const d = objBytes(v);
    const out: number[] = [];
    for (let i = v.start; i < v.end && i < v.start + 4; i++) {
      if (d[i] < 128) break;
      out.push(0xdc00 + d[i]);
    }
    if (out.length === 0) throw v.exc;
    return { repl: String.fromCharCode(...out), newpos: v.start + out.length };
  }
  if (v.kind !== "encode") throw badKind(v);
  const cps = objCodePoints(v);
  const out = new Uint8Array(v.end - v.start);
  for (let i = v.start; i < v.end; i++) {
    const c = cps[i];
    if (c < 0xdc80 || c > 0xdcff) throw v.exc;
    out[i - v.start] = c - 0xdc00;
  }
  return { repl: out, newpos: v.end };
}

function surrogatePass(v: ExcView): Replacement {
  if (v.kind === "translate") throw badKind(v);
  const std = standardEncoding(v.enc);
  if (std === null) throw v.exc;
  if (v.kind === "encode") {
    const cps = objCodePoints(v);
    const out: number[] = [];
    for (let i = v.start; i < v.end; i++) {
      const c = cps[i];
      if (c < 0xd800 || c > 0xdfff) throw v.exc;
      if (std.kind === "utf-8") out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      else if (std.kind === "utf-16") out.push(...(std.le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
      else out.push(...(std.le ? [c & 0xff, c >> 8, 0, 0] : [0, 0, c >> 8, c & 0xff]));
    }
    return { repl: Uint8Array.from(out), newpos: v.end };
  }
  const d = objBytes(v);
  const p = v.start;
  let c = -1;
  let len = 0;
  if (std.kind === "utf-8") {
    len = 3;
    if (p + 3 <= d.length && (d[p] & 0xf0) === 0xe0 && (d[p + 1] & 0xc0) === 0x80 && (d[p + 2] & 0xc0) === 0x80) {
      c = ((d[p] & 0x0f) << 12) | ((d[p + 1] & 0x3f) << 6) | (d[p + 2] & 0x3f);
    }
  } else if (std.kind === "utf-16") {
    len = 2;
    if (p + 2 <= d.length) c = std.le ? d[p] | (d[p + 1] << 8) : (d[p] << 8) | d[p + 1];
  } else {
    len = 4;
    if (p + 4 <= d.length) c = std.le ? (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16)) + d[p + 3] * 0x1000000 : d[p] * 0x1000000 + ((d[p + 1] << 16) | (d[p + 2] << 8) | d[p + 3]);
  }
  if (c < 0xd800 || c > 0xdfff) throw v.exc;
  return { repl: String.fromCharCode(c), newpos: p + len };
}

// ---- registry ---------------------------------------------------------------------------------------------------

const STANDARD = ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"];
const FN_NAMES: Record<string, string> = {
  strict: "strict_errors",
  ignore: "ignore_errors",
  replace: "replace_errors",
  xmlcharrefreplace: "xmlcharrefreplace_errors",
  backslashreplace: "backslashreplace_errors",
  namereplace: "namereplace_errors",
  surrogateescape: "surrogateescape",
  surrogatepass: "surrogatepass",
};
for (const name of STANDARD) {
  registry.set(
    name,
    builtinFunction(FN_NAMES[name], (args) => {
      if (args.length !== 1) throw typeError(`${FN_NAMES[name]}() takes exactly one argument (${args.length} given)`);
      const r = standardHandler(name, view(args[0]))!;
      return new PyTuple([typeof r.repl === "string" ? r.repl : new PyBytes(r.repl), r.newpos]);
    }),
  );
}
/** Which standard handlers still have their builtin function registered (codecs may then take the fast path). */
const builtinHandlers = new Map(registry);

export function registerError(name: string, handler: PyObject): void {
  if (!ops.isCallable(handler)) throw typeError("handler must be callable");
  registry.set(name, handler);
}
export function lookupError(name: string): PyObject {
  const h = registry.get(name);
  if (h === undefined) throw newException(LookupErrorType, `unknown error handler name '${name}'`);
  return h;
}

/**
 * Calls the error handler `errors` for `exc` (built lazily by `makeExc`); validates its result like CPython's
 * unicode_decode_call_errorhandler / unicode_encode_call_errorhandler. `len` is the object's length for newpos.
 */
export function callHandler(errors: string, kind: "encode" | "decode", makeExc: () => PyBaseException, len: number): Replacement {
  const h = registry.get(errors);
  if (h !== undefined && builtinHandlers.get(errors) === h) {
    const exc = makeExc();
    const v: ExcView = { exc, kind, enc: ops.pyStr(attr(exc, "encoding")), obj: attr(exc, "object"), start: Number(intValue(attr(exc, "start"))), end: Number(intValue(attr(exc, "end"))) };
    return standardHandler(errors, v)!;
  }
  const handler = lookupError(errors);
  const exc = makeExc();
  const res = ops.call(handler, [exc]);
  const bad = kind === "decode" ? "decoding error handler must return (str, int) tuple" : "encoding error handler must return (str/bytes, int) tuple";
  if (!(res instanceof PyTuple) || res.items.length !== 2 || !isInt(res.items[1])) throw typeError(bad);
  const r0 = res.items[0];
  let repl: string | Uint8Array;
  if (isStr(r0)) repl = strValue(r0);
  else if (kind === "encode" && r0 instanceof PyBytes) repl = r0.data;
  else throw typeError(bad);
  let newpos = Number(intValue(res.items[1]));
  if (newpos < 0) newpos += len;
  if (newpos < 0 || newpos > len) throw newException(IndexErrorType, `position ${Number(intValue(res.items[1]))} from error handler out of bounds`);
  return { repl, newpos };
}

/**
 * The encoders' call for an unencodable run [start, end): CPython's codecs take surrogateescape's fast path in line
 * (escaping a prefix of the run, raising for the rest from its first unescapable character), else call the handler.
 */
export function encodeRunHandler(errors: string, enc: string, s: string, cps: readonly number[], start: number, end: number, reason: string): Replacement {
  if (errors === "surrogateescape" && builtinHandlers.get(errors) === registry.get(errors)) {
    const out = new Uint8Array(end - start);
    for (let k = start; k < end; k++) {
      const c = cps[k];
      if (c < 0xdc80 || c > 0xdcff) throw makeEncodeError(enc, s, k, end, reason);
      out[k - start] = c - 0xdc00;
    }
    return { repl: out, newpos: end };
  }
  return callHandler(errors, "encode", () => makeEncodeError(enc, s, start, end, reason), cps.length);
}
