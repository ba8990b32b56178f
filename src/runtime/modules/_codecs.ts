// The `_codecs` native module: the codec registry (register/lookup/encode/decode), error handlers and the builtin
// codecs' encode/decode functions; also installs str.encode / bytes.decode (fast builtin codecs, else the registry).
import {
  None,
  PyObject,
  PyBytes,
  PyByteArray,
  PyTuple,
  PyBase,
  PyBaseException,
  PyType,
  ObjectType,
  BaseExceptionType,
  makeBuiltinType,
  typeError,
  newException,
  isStr,
  strValue,
  typeOf,
  LookupErrorType,
  PyDict,
} from "../core";
import { makeModule, parseArgs, argStr } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { bytesArg } from "../objects/bytes";
import { setDecodeBytesHook, setEncodeStrHook } from "../objects/str";
import { importModule } from "../import";
import { toCodePoints } from "../unicode/codepoints";
import { lookupError, registerError } from "./_codecs/errors";
import * as C from "./_codecs/codecs";

// ---- the registry -------------------------------------------------------------------------------------------------

const searchFunctions: PyObject[] = [];
const cache = new Map<string, PyObject>();
let encodingsImported = false;

/** CPython's _Py_normalize_encoding (plus lower-casing): runs of non-alphanumerics other than '.' become one '_'. */
export function normalizeEncoding(name: string): string {
  let out = "";
  let punct = false;
  for (const ch of name) {
    if (/[A-Za-z0-9.]/.test(ch)) {
      if (punct && out.length) out += "_";
      out += ch.toLowerCase();
      punct = false;
    } else punct = true;
  }
  return out;
}

export function codecLookup(encoding: string): PyObject {
  if (!encodingsImported) {
    // CPython imports `encodings` (which registers its search function) while starting up; pypack does it on first use.
    encodingsImported = true;
    importModule("encodings");
  }
  const key = normalizeEncoding(encoding);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  for (const fn of searchFunctions) {
    const r = ops.call(fn, [key]);
    if (r === None) continue;
    if (!(r instanceof PyTuple) || r.items.length !== 4) throw typeError("codec search functions must return 4-tuples");
    cache.set(key, r);
    return r;
  }
  throw newException(LookupErrorType, `unknown encoding: ${encoding}`);
}

/** CPython's _PyErr_TrySetFromCause: re-raises simple exceptions as "<op> with '<enc>' codec failed (T: msg)". */
function wrapCodecError(e: unknown, op: string, encoding: string): unknown {
  if (!(e instanceof PyBaseException)) return e;
  const t = e.type;
  const simple =
    t.lookup("__init__") === BaseExceptionType.lookup("__init__") &&
    t.lookup("__new__") === BaseExceptionType.lookup("__new__") &&
    (e.dict === null || e.dict === undefined || e.dict.size === 0);
  if (!simple) return e;
  const w = newException(t, `${op} with '${encoding}' codec failed (${t.name}: ${ops.str(e)})`);
  w.cause = e;
  w.context = e;
  w.suppressContext = true;
  w.traceback = e.traceback;
  return w;
}

function callCodec(encoding: string, obj: PyObject, errors: string | undefined, index: 0 | 1): PyObject {
  const info = codecLookup(encoding) as PyTuple;
  const op = index === 0 ? "encoding" : "decoding";
  let r: PyObject;
  try {
    r = ops.call(info.items[index], errors === undefined ? [obj] : [obj, errors]);
  } catch (e) {
    throw wrapCodecError(e, op, encoding);
  }
  if (!(r instanceof PyTuple) || r.items.length !== 2) throw typeError(index === 0 ? "encoder must return a tuple (object, integer)" : "decoder must return a tuple (object,integer)");
  return r.items[0];
}

/** A text encoding's CodecInfo, or LookupError for codecs such as rot13 (CPython's _PyCodec_LookupTextEncoding). */
function textCodec(encoding: string, alt: string): PyTuple {
  const info = codecLookup(encoding) as PyTuple;
  const flag = ops.getAttrOpt(info, "_is_text_encoding");
  if (flag !== undefined && !ops.truthy(flag)) {
    throw newException(LookupErrorType, `'${encoding}' is not a text encoding; use ${alt} to handle arbitrary codecs`);
  }
  return info;
}

// ---- str.encode / bytes.decode --------------------------------------------------------------------------------

type Fast = "utf-8" | "ascii" | "latin-1" | "utf-16" | "utf-16-le" | "utf-16-be" | "utf-32" | "utf-32-le" | "utf-32-be";
const FAST: Record<string, Fast> = {
  utf_8: "utf-8",
  utf8: "utf-8",
  ascii: "ascii",
  us_ascii: "ascii",
  latin_1: "latin-1",
  latin1: "latin-1",
  iso_8859_1: "latin-1",
  iso8859_1: "latin-1",
  utf_16: "utf-16",
  utf16: "utf-16",
  utf_16_le: "utf-16-le",
  utf_16le: "utf-16-le",
  utf_16_be: "utf-16-be",
  utf_16be: "utf-16-be",
  utf_32: "utf-32",
  utf32: "utf-32",
  utf_32_le: "utf-32-le",
  utf_32le: "utf-32-le",
  utf_32_be: "utf-32-be",
  utf_32be: "utf-32-be",
};
const byteorderOf = (f: Fast): number => (f.endsWith("-le") ? -1 : f.endsWith("-be") ? 1 : 0);

function fastEncode(f: Fast, s: string, errors: string): Uint8Array {
  switch (f) {
    case "utf-8":
      return C.utf8Encode(s, errors);
    case "ascii":
      return C.charLimitEncode(s, errors, 0x80);
    case "latin-1":
      return C.charLimitEncode(s, errors, 0x100);
    default:
      return C.utfWideEncode(s, errors, byteorderOf(f), f.startsWith("utf-16") ? 2 : 4);
  }
}
function fastDecode(f: Fast, d: Uint8Array, errors: string): string {
  switch (f) {
    case "utf-8":
      return C.utf8Decode(d, errors, true)[0];
    case "ascii":
      return C.charLimitDecode(d, errors, 0x80);
    case "latin-1":
      return C.charLimitDecode(d, errors, 0x100);
    default:
      return (f.startsWith("utf-16") ? C.utf16Decode : C.utf32Decode)(d, errors, byteorderOf(f), true)[0];
  }
}

export function strEncode(s: string, encoding: string, errors: string): PyObject {
  const f = FAST[normalizeEncoding(encoding)];
  if (f !== undefined) return new PyBytes(fastEncode(f, s, errors));
  const info = textCodec(encoding, "codecs.encode()");
  let r: PyObject;
  try {
    r = ops.call(info.items[0], [s, errors]);
  } catch (e) {
    throw wrapCodecError(e, "encoding", encoding);
  }
  if (!(r instanceof PyTuple) || r.items.length !== 2) throw typeError("encoder must return a tuple (object, integer)");
  const v = r.items[0];
  if (v instanceof PyBytes) return v;
  if (v instanceof PyByteArray) return new PyBytes(bytesArg(v).slice());
  throw typeError(`'${encoding}' encoder returned '${typeOf(v).name}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types`);
}

export function bytesDecode(obj: PyObject, encoding: string, errors: string): string {
  if (isStr(obj)) throw typeError("decoding str is not supported");
  let d: Uint8Array;
  try {
    d = bytesArg(obj);
  } catch {
    throw typeError(`decoding to str: need a bytes-like object, ${typeOf(obj).name} found`);
  }
  const f = FAST[normalizeEncoding(encoding)];
  if (f !== undefined) return fastDecode(f, d, errors);
  const info = textCodec(encoding, "codecs.decode()");
  let r: PyObject;
  try {
    r = ops.call(info.items[1], [obj instanceof PyBytes ? obj : new PyBytes(d.slice()), errors]);
  } catch (e) {
    throw wrapCodecError(e, "decoding", encoding);
  }
  if (!(r instanceof PyTuple) || r.items.length !== 2) throw typeError("decoder must return a tuple (object,integer)");
  const v = r.items[0];
  if (isStr(v)) return strValue(v);
  throw typeError(`'${encoding}' decoder returned '${typeOf(v).name}' instead of 'str'; use codecs.decode() to decode to arbitrary types`);
}

setEncodeStrHook(strEncode);
setDecodeBytesHook(bytesDecode);

// ---- EncodingMap ------------------------------------------------------------------------------------------------

export const EncodingMapType: PyType = makeBuiltinType("EncodingMap", ObjectType, { subclassable: false });
class PyEncodingMap extends PyBase {
  constructor(public table: C.EncodingTable) {
    super(EncodingMapType);
  }
}

/** charmap_build: an EncodingMap for full 256-entry tables starting with NUL, else a dict (as CPython decides). */
function charmapBuild(map: string): PyObject {
  const cps = toCodePoints(map);
  if (cps.length !== 256 || cps[0] !== 0) {
    const d = new PyDict();
    cps.forEach((c, i) => d.set(c, i));
    return d;
  }
  return new PyEncodingMap(C.charmapBuild(map));
}

// ---- argument helpers ---------------------------------------------------------------------------------------------

function errorsArg(x: PyObject | undefined, fname: string): string {
  if (x === undefined || x === None) return "strict";
  return argStr(x, `${fname}() argument 'errors'`);
}
function strArg(x: PyObject, fname: string): string {
  if (isStr(x)) return strValue(x);
  throw typeError(`${fname}() argument 1 must be str, not ${typeOf(x).name}`);
}
function bufArg(x: PyObject): Uint8Array {
  try {
    return bytesArg(x);
  } catch {
    throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
  }
}
/** `s*` arguments: a str (encoded as UTF-8) or a bytes-like object. */
function textOrBufArg(x: PyObject): Uint8Array {
  if (isStr(x)) return C.utf8Encode(strValue(x), "strict");
  return bufArg(x);
}
const boolArg = (x: PyObject | undefined, dflt: boolean): boolean => (x === undefined ? dflt : ops.truthy(x));
const intArg = (x: PyObject | undefined, dflt: number): number => (x === undefined ? dflt : ops.indexNum(x));
const pair = (a: PyObject, n: number): PyTuple => new PyTuple([a, n]);
const bytesPair = (d: Uint8Array, n: number): PyTuple => pair(new PyBytes(d), n);

type Fn = (args: PyObject[], kw: readonly string[] | null) => PyObject;

/** `<name>_encode(str, errors=None)` for a codec given as an encode function. */
function encoderFn(name: string, enc: (s: string, errors: string) => Uint8Array): Fn {
  return (args, kw) => {
    const [s, errors] = parseArgs(name, args, kw, ["str", "errors"], 1, 2);
    const text = strArg(s!, name);
    return bytesPair(enc(text, errorsArg(errors, name)), toCodePoints(text).length);
  };
}
/** `<name>_decode(data, errors=None, final=False)`. */
function decoderFn(name: string, dec: (d: Uint8Array, errors: string, final: boolean) => [string, number], finalDefault: boolean, textOk = false): Fn {
  return (args, kw) => {
    const [data, errors, final] = parseArgs(name, args, kw, ["data", "errors", "final"], 1, 3);
    const d = textOk ? textOrBufArg(data!) : bufArg(data!);
    const [s, n] = dec(d, errorsArg(errors, name), boolArg(final, finalDefault));
    return pair(s, n);
  };
}
function wideEncoder(name: string, width: 2 | 4, fixed: number | null): Fn {
  return (args, kw) => {
    const names = fixed === null ? ["str", "errors", "byteorder"] : ["str", "errors"];
    const [s, errors, bo] = parseArgs(name, args, kw, names, 1, names.length);
    const text = strArg(s!, name);
    return bytesPair(C.utfWideEncode(text, errorsArg(errors, name), fixed ?? intArg(bo, 0), width), toCodePoints(text).length);
  };
}
function wideDecoder(name: string, width: 2 | 4, fixed: number | null, ex: boolean): Fn {
  const dec = width === 2 ? C.utf16Decode : C.utf32Decode;
  return (args, kw) => {
    const names = ex ? ["data", "errors", "byteorder", "final"] : ["data", "errors", "final"];
    const vals = parseArgs(name, args, kw, names, 1, names.length);
    const d = bufArg(vals[0]!);
    const errors = errorsArg(vals[1], name);
    if (ex) {
      const [s, n, bo] = dec(d, errors, intArg(vals[2], 0), boolArg(vals[3], false));
      return new PyTuple([s, n, bo]);
    }
    const [s, n] = dec(d, errors, fixed ?? 0, boolArg(vals[2], false));
    return pair(s, n);
  };
}

registerNativeModule("_codecs", () =>
  makeModule("_codecs", {
    register: (args) => {
      if (args.length !== 1) throw typeError(`register() takes exactly one argument (${args.length} given)`);
      if (!ops.isCallable(args[0])) throw typeError("argument must be callable");
      searchFunctions.push(args[0]);
      return None;
    },
    unregister: (args) => {
      const i = searchFunctions.indexOf(args[0]);
      if (i >= 0) {
        searchFunctions.splice(i, 1);
        cache.clear();
      }
      return None;
    },
    lookup: (args) => {
      if (args.length !== 1) throw typeError(`lookup() takes exactly one argument (${args.length} given)`);
      return codecLookup(argStr(args[0], "lookup() argument"));
    },
    _forget_codec: (args) => {
      cache.delete(normalizeEncoding(argStr(args[0], "_forget_codec() argument")));
      return None;
    },
    encode: (args, kw) => {
      const [obj, encoding, errors] = parseArgs("encode", args, kw, ["obj", "encoding", "errors"], 1);
      const enc = encoding === undefined ? "utf-8" : argStr(encoding, "encode() argument 'encoding'");
      return callCodec(enc, obj!, errors === undefined ? undefined : argStr(errors, "encode() argument 'errors'"), 0);
    },
    decode: (args, kw) => {
      const [obj, encoding, errors] = parseArgs("decode", args, kw, ["obj", "encoding", "errors"], 1);
      const enc = encoding === undefined ? "utf-8" : argStr(encoding, "decode() argument 'encoding'");
      return callCodec(enc, obj!, errors === undefined ? undefined : argStr(errors, "decode() argument 'errors'"), 1);
    },
    register_error: (args) => {
      if (args.length !== 2) throw typeError(`register_error expected 2 arguments, got ${args.length}`);
      registerError(argStr(args[0], "register_error() argument 1"), args[1]);
      return None;
    },
    lookup_error: (args) => {
      if (args.length !== 1) throw typeError(`lookup_error() takes exactly one argument (${args.length} given)`);
      return lookupError(argStr(args[0], "lookup_error() argument"));
    },
    utf_8_encode: encoderFn("utf_8_encode", (s, e) => C.utf8Encode(s, e)),
    utf_8_decode: decoderFn("utf_8_decode", (d, e, f) => C.utf8Decode(d, e, f), false),
    ascii_encode: encoderFn("ascii_encode", (s, e) => C.charLimitEncode(s, e, 0x80)),
    ascii_decode: decoderFn("ascii_decode", (d, e) => [C.charLimitDecode(d, e, 0x80), d.length], true),
    latin_1_encode: encoderFn("latin_1_encode", (s, e) => C.charLimitEncode(s, e, 0x100)),
    latin_1_decode: decoderFn("latin_1_decode", (d, e) => [C.charLimitDecode(d, e, 0x100), d.length], true),
    utf_16_encode: wideEncoder("utf_16_encode", 2, null),
    utf_16_le_encode: wideEncoder("utf_16_le_encode", 2, -1),
    utf_16_be_encode: wideEncoder("utf_16_be_encode", 2, 1),
    utf_16_decode: wideDecoder("utf_16_decode", 2, null, false),
    utf_16_le_decode: wideDecoder("utf_16_le_decode", 2, -1, false),
    utf_16_be_decode: wideDecoder("utf_16_be_decode", 2, 1, false),
    utf_16_ex_decode: wideDecoder("utf_16_ex_decode", 2, null, true),
    utf_32_encode: wideEncoder("utf_32_encode", 4, null),
    utf_32_le_encode: wideEncoder("utf_32_le_encode", 4, -1),
    utf_32_be_encode: wideEncoder("utf_32_be_encode", 4, 1),
    utf_32_decode: wideDecoder("utf_32_decode", 4, null, false),
    utf_32_le_decode: wideDecoder("utf_32_le_decode", 4, -1, false),
    utf_32_be_decode: wideDecoder("utf_32_be_decode", 4, 1, false),
    utf_32_ex_decode: wideDecoder("utf_32_ex_decode", 4, null, true),
    unicode_escape_encode: encoderFn("unicode_escape_encode", (s) => C.unicodeEscapeEncode(s)),
    unicode_escape_decode: decoderFn("unicode_escape_decode", (d, e, f) => C.unicodeEscapeDecode(d, e, f), true, true),
    raw_unicode_escape_encode: encoderFn("raw_unicode_escape_encode", (s) => C.rawUnicodeEscapeEncode(s)),
    raw_unicode_escape_decode: decoderFn("raw_unicode_escape_decode", (d, e, f) => C.rawUnicodeEscapeDecode(d, e, f), true, true),
    utf_7_encode: encoderFn("utf_7_encode", (s) => C.utf7Encode(s)),
    utf_7_decode: decoderFn("utf_7_decode", (d, e, f) => C.utf7Decode(d, e, f), false),
    escape_encode: (args, kw) => {
      const [data, errors] = parseArgs("escape_encode", args, kw, ["data", "errors"], 1, 2);
      if (!(data instanceof PyBytes)) throw typeError(`escape_encode() argument 1 must be bytes, not ${typeOf(data!).name}`);
      if (errors !== undefined && errors !== None) argStr(errors, "escape_encode() argument 'errors'");
      return bytesPair(C.escapeEncode(data.data), data.data.length);
    },
    escape_decode: (args, kw) => {
      const [data, errors] = parseArgs("escape_decode", args, kw, ["data", "errors"], 1, 2);
      const d = textOrBufArg(data!);
      const e = errors === undefined || errors === None ? null : argStr(errors, "escape_decode() argument 'errors'");
      return bytesPair(C.escapeDecode(d, e), d.length);
    },
    readbuffer_encode: (args, kw) => {
      const [data] = parseArgs("readbuffer_encode", args, kw, ["data", "errors"], 1, 2);
      const d = textOrBufArg(data!);
      return bytesPair(d.slice(), d.length);
    },
    charmap_encode: (args, kw) => {
      const [s, errors, mapping] = parseArgs("charmap_encode", args, kw, ["str", "errors", "mapping"], 1, 3);
      const text = strArg(s!, "charmap_encode");
      const m = mapping ?? None;
      const table = m instanceof PyEncodingMap ? m.table : null;
      return bytesPair(C.charmapEncode(text, errorsArg(errors, "charmap_encode"), m, table), toCodePoints(text).length);
    },
    charmap_decode: (args, kw) => {
      const [data, errors, mapping] = parseArgs("charmap_decode", args, kw, ["data", "errors", "mapping"], 1, 3);
      const d = bufArg(data!);
      return pair(C.charmapDecode(d, errorsArg(errors, "charmap_decode"), mapping ?? None), d.length);
    },
    charmap_build: (args) => {
      if (args.length !== 1) throw typeError(`charmap_build() takes exactly one argument (${args.length} given)`);
      return charmapBuild(strArg(args[0], "charmap_build"));
    },
  }),
);
