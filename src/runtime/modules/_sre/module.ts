// The _sre native module: Pattern, Match, Scanner and Template objects over the TS engine, as CPython 3.12's Modules/_sre/sre.c.
import {
  BytesType,
  IndexErrorType,
  None,
  OverflowErrorType,
  PyBase,
  PyBaseException,
  PyByteArray,
  PyBytes,
  PyDict,
  PyList,
  PyObject,
  PyStrObj,
  PyTuple,
  PyType,
  RuntimeErrorType,
  MemoryErrorType,
  NotImplemented,
  ValueErrorType,
  SystemErrorType,
  TypeErrorType,
  intValue,
  isInt,
  isStr,
  isinstance,
  makeBuiltinType,
  newDict,
  newException,
  newList,
  newTuple,
  normBig,
  strValue,
  typeError,
  typeName,
  typeOf,
} from "../../core";
import { defClassMethod, defGetSet, defMethod, defStaticMethod, makeModule, parseArgs } from "../../define";
import { interp } from "../../interpreter";
import { bytesHash } from "../../numeric/hash";
import { PyMappingProxy } from "../../objects/type";
import { CallableIter } from "../../objects/iterators";
import { PyMemoryView } from "../../objects/memoryview";
import * as ops from "../../ops";
import { registerNativeModule } from "../registry";
import { SRE_CODESIZE, SRE_MAGIC, SRE_MAXGROUPS, SRE_MAXREPEAT, SreFlag } from "./constants";
import { SreInternalError, SreState, textFromString, type SreText } from "./engine";
import { asciiIsCased, asciiLower, uniIsCased, uniLower } from "./unicode";
import { validateCode } from "./validate";

const COPYRIGHT = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ";
/** sys.maxsize: the default endpos. */
const MAXSIZE = Number.MAX_SAFE_INTEGER;
const BACKSLASH = 0x5c;

// ---------------------------------------------------------------------------------------------------------------
// Arguments

/** Argument Clinic's Py_ssize_t converter (an index; OverflowError beyond 64 bits; clamped to what JS indexes). */
function ssizeArg(x: PyObject): number {
  const v = ops.index(x);
  if (typeof v === "number") return v;
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) {
    throw newException(OverflowErrorType, "Python int too large to convert to C ssize_t");
  }
  return v > 0n ? MAXSIZE : -MAXSIZE;
}

/** Argument Clinic's C int converter. */
function cIntArg(x: PyObject): number {
  if (!isInt(x)) {
    if (typeOf(x).lookup("__index__") === undefined) throw typeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
  }
  const v = ops.index(x);
  if (typeof v === "bigint" || v > 0x7fffffff || v < -0x80000000) {
    throw newException(OverflowErrorType, "Python int too large to convert to C int");
  }
  return v;
}

/** Raises the engine's internal inconsistencies as CPython's pattern_error does. */
function engineCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw engineError(e);
  }
}

function engineError(e: unknown): unknown {
  if (e instanceof SreInternalError) return newException(RuntimeErrorType, "internal error in regular expression engine");
  // A JS allocation failure while growing the backtracking stacks.
  if (e instanceof RangeError) return newException(MemoryErrorType, []);
  return e;
}

/** Argument Clinic's binding of positional/keyword arguments (its own message for unknown keywords). */
function clinicArgs(fname: string, args: PyObject[], kwnames: readonly string[] | null, names: readonly string[], required: number): (PyObject | undefined)[] {
  if (kwnames !== null) {
    for (const kw of kwnames) {
      if (!names.includes(kw)) throw typeError(`'${kw}' is an invalid keyword argument for ${fname}()`);
    }
  }
  return parseArgs(fname, args, kwnames, names, required);
}

// ---------------------------------------------------------------------------------------------------------------
// Subjects: the string being searched, as engine text plus what is needed to slice it back.

interface Subject {
  obj: PyObject;
  text: SreText;
  isbytes: boolean;
  /** The str value (str subjects). */
  str: string;
  /** The bytes (bytes-like subjects). */
  bytes: Uint8Array;
}

// One-entry cache: code like a tokenizer calls pattern.match(s, pos) many times on the same long string.
let cachedStr: string | null = null;
let cachedText: SreText = new Uint16Array(0);

function strText(s: string): SreText {
  if (s !== cachedStr) {
    cachedText = textFromString(s);
    cachedStr = s;
  }
  return cachedText;
}

const EMPTY_BYTES = new Uint8Array(0);

/** getstring(): str, or a bytes-like object (bytes, bytearray, memoryview: the buffers pypack has). */
function subjectOf(x: PyObject): Subject {
  if (isStr(x)) {
    const s = strValue(x);
    return { obj: x, text: strText(s), isbytes: false, str: s, bytes: EMPTY_BYTES };
  }
  if (x instanceof PyBytes) return { obj: x, text: x.data, isbytes: true, str: "", bytes: x.data };
  if (x instanceof PyByteArray) {
    const data = x.data.subarray(0, x.length);
    return { obj: x, text: data, isbytes: true, str: "", bytes: data };
  }
  if (x instanceof PyMemoryView) {
    const data = x.bytes();
    return { obj: x, text: data, isbytes: true, str: "", bytes: data };
  }
  throw typeError(`expected string or bytes-like object, got '${typeName(x)}'`);
}

/** getslice(): characters [i, j) of the subject as str or bytes. */
function sliceOf(sub: Subject, i: number, j: number): PyObject {
  if (sub.isbytes) {
    if (sub.obj instanceof PyBytes && sub.obj.type === BytesType && i === 0 && j === sub.bytes.length) return sub.obj;
    return new PyBytes(sub.bytes.slice(i, j));
  }
  if (sub.text instanceof Uint16Array) return sub.str.slice(i, j);
  return codePointsToString(sub.text, i, j);
}

function codePointsToString(cps: SreText, i: number, j: number): string {
  let out = "";
  const CHUNK = 8192;
  for (let k = i; k < j; k += CHUNK) out += String.fromCodePoint(...cps.subarray(k, Math.min(j, k + CHUNK)));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Types

function sreType(name: string, module: string): PyType {
  const t = makeBuiltinType(name, undefined, { subclassable: false });
  t.dict.setStr("__module__", module);
  const full = `${module}.${name}`;
  // Py_TPFLAGS_DISALLOW_INSTANTIATION
  defStaticMethod(t, "__new__", () => {
    throw typeError(`cannot create '${full}' instances`);
  });
  return t;
}

export const PatternType = sreType("Pattern", "re");
export const MatchType = sreType("Match", "re");
export const ScannerType = sreType("SRE_Scanner", "_sre");
export const TemplateType = sreType("SRE_Template", "_sre");
PatternType.dict.setStr("__doc__", "Compiled regular expression object.");
MatchType.dict.setStr("__doc__", "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.");

export class PyPattern extends PyBase {
  /** An idle matching state, reused between calls (taken while in use, so re-entrant calls get their own). */
  idle: SreState | null = null;
  constructor(
    readonly pattern: PyObject,
    readonly flags: number,
    readonly code: Uint32Array,
    readonly groups: number,
    readonly groupindex: PyDict | null,
    readonly indexgroup: PyTuple | null,
    /** 1 for bytes patterns, 0 for str, -1 when pattern is None. */
    readonly isbytes: number,
  ) {
    super(PatternType);
  }

  /** state_init: a state over a subject, with CPython's type checks and bounds clamping. */
  state(sub: Subject, pos: number, endpos: number): SreState {
    if (sub.isbytes && this.isbytes === 0) throw typeError("cannot use a string pattern on a bytes-like object");
    if (!sub.isbytes && this.isbytes > 0) throw typeError("cannot use a bytes pattern on a string-like object");
    const st = this.idle ?? new SreState(this.code, this.groups);
    this.idle = null;
    st.reset(sub.text, pos, endpos);
    return st;
  }

  release(st: SreState): void {
    st.text = EMPTY_BYTES;
    st.trim();
    this.idle = st;
  }
}

export class PyMatch extends PyBase {
  regsCache: PyTuple | null = null;
  constructor(
    readonly pattern: PyPattern,
    readonly sub: Subject,
    /** marks[2g], marks[2g+1]: span of group g (0 = whole match), -1 when unset. */
    readonly marks: Int32Array,
    readonly pos: number,
    readonly endpos: number,
    readonly lastindex: number,
  ) {
    super(MatchType);
  }
}

export class PyScanner extends PyBase {
  executing = false;
  constructor(
    readonly pattern: PyPattern,
    readonly sub: Subject,
    readonly st: SreState,
  ) {
    super(ScannerType);
  }
}

interface TemplateItem {
  index: number;
  literal: PyObject | null;
}

export class PyTemplate extends PyBase {
  constructor(
    readonly literal: PyObject,
    readonly items: TemplateItem[],
  ) {
    super(TemplateType);
  }
}

/** pattern_new_match: a Match object from a successful state. */
function newMatch(pat: PyPattern, sub: Subject, st: SreState): PyMatch {
  const marks = new Int32Array(2 * (pat.groups + 1));
  if (!st.fillSpans(marks)) throw newException(SystemErrorType, "The span of capturing group is wrong, please report a bug for the re module.");
  return new PyMatch(pat, sub, marks, st.pos, st.endpos, st.lastindex);
}

function asPattern(x: PyObject): PyPattern {
  if (x instanceof PyPattern) return x;
  throw typeError(`descriptor requires a 're.Pattern' object but received '${typeName(x)}'`);
}

function asMatch(x: PyObject): PyMatch {
  if (x instanceof PyMatch) return x;
  throw typeError(`descriptor requires a 're.Match' object but received '${typeName(x)}'`);
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern methods

/** Binds (string, pos=0, endpos=sys.maxsize). */
function stringPosArgs(fname: string, args: PyObject[], kwnames: readonly string[] | null): [Subject, number, number] {
  const [s, pos, endpos] = clinicArgs(fname, args, kwnames, ["string", "pos", "endpos"], 1);
  return [subjectOf(s as PyObject), pos === undefined ? 0 : ssizeArg(pos), endpos === undefined ? MAXSIZE : ssizeArg(endpos)];
}

const enum How {
  MATCH,
  FULLMATCH,
  SEARCH,
}

/** match / fullmatch / search; the positional-only call (json's scanner: pattern.match(s, idx)) avoids argument binding. */
function runOnce(self: PyObject, fname: string, args: PyObject[], kwnames: readonly string[] | null, how: How): PyObject {
  const pat = asPattern(self);
  let sub: Subject;
  let pos = 0;
  let endpos = MAXSIZE;
  if (kwnames === null && args.length >= 1 && args.length <= 3) {
    sub = subjectOf(args[0]);
    if (args.length > 1) pos = ssizeArg(args[1]);
    if (args.length > 2) endpos = ssizeArg(args[2]);
  } else {
    [sub, pos, endpos] = stringPosArgs(fname, args, kwnames);
  }
  const st = pat.state(sub, pos, endpos);
  try {
    const ok = how === How.SEARCH ? st.search() : st.match(how === How.FULLMATCH);
    return ok ? newMatch(pat, sub, st) : None;
  } catch (e) {
    throw engineError(e);
  } finally {
    pat.release(st);
  }
}

defMethod(PatternType, "match", (self, args, kw) => runOnce(self, "match", args, kw, How.MATCH));
defMethod(PatternType, "fullmatch", (self, args, kw) => runOnce(self, "fullmatch", args, kw, How.FULLMATCH));
defMethod(PatternType, "search", (self, args, kw) => runOnce(self, "search", args, kw, How.SEARCH));

/** state_getslice: group g of the current match, "" (empty) or None when unset. */
function groupSlice(sub: Subject, st: SreState, g: number, empty: boolean): PyObject {
  const [s, e] = st.span(g);
  if (s < 0) return empty ? sliceOf(sub, 0, 0) : None;
  if (s > e) throw newException(SystemErrorType, "The span of capturing group is wrong, please report a bug for the re module.");
  return sliceOf(sub, s, e);
}

defMethod(PatternType, "findall", (self, args, kw) => {
  const pat = asPattern(self);
  const [sub, pos, endpos] = stringPosArgs("findall", args, kw);
  const st = pat.state(sub, pos, endpos);
  const out: PyObject[] = [];
  try {
    while (engineCall(() => st.searchNext())) {
      if (pat.groups === 0) out.push(sliceOf(sub, st.matchStart, st.matchEnd));
      else if (pat.groups === 1) out.push(groupSlice(sub, st, 1, true));
      else {
        const items: PyObject[] = [];
        for (let g = 1; g <= pat.groups; g++) items.push(groupSlice(sub, st, g, true));
        out.push(newTuple(items));
      }
    }
  } finally {
    pat.release(st);
  }
  return newList(out);
});

function makeScanner(pat: PyPattern, sub: Subject, pos: number, endpos: number): PyScanner {
  if (sub.isbytes && pat.isbytes === 0) throw typeError("cannot use a string pattern on a bytes-like object");
  if (!sub.isbytes && pat.isbytes > 0) throw typeError("cannot use a bytes pattern on a string-like object");
  const st = new SreState(pat.code, pat.groups);
  st.reset(sub.text, pos, endpos);
  return new PyScanner(pat, sub, st);
}

defMethod(PatternType, "scanner", (self, args, kw) => {
  const [sub, pos, endpos] = stringPosArgs("scanner", args, kw);
  return makeScanner(asPattern(self), sub, pos, endpos);
});

defMethod(PatternType, "finditer", (self, args, kw) => {
  const [sub, pos, endpos] = stringPosArgs("finditer", args, kw);
  const scanner = makeScanner(asPattern(self), sub, pos, endpos);
  return new CallableIter(ops.getAttr(scanner, "search"), None);
});

defMethod(PatternType, "split", (self, args, kw) => {
  const pat = asPattern(self);
  const [s, maxsplitArg] = clinicArgs("split", args, kw, ["string", "maxsplit"], 1);
  const sub = subjectOf(s as PyObject);
  const maxsplit = maxsplitArg === undefined ? 0 : ssizeArg(maxsplitArg);
  const st = pat.state(sub, 0, MAXSIZE);
  const out: PyObject[] = [];
  try {
    let n = 0;
    let last = st.start;
    while (!maxsplit || n < maxsplit) {
      if (!engineCall(() => st.searchNext())) break;
      out.push(sliceOf(sub, last, st.matchStart));
      for (let g = 1; g <= pat.groups; g++) out.push(groupSlice(sub, st, g, false));
      n++;
      last = st.matchEnd;
    }
    out.push(sliceOf(sub, last, st.endpos));
  } finally {
    pat.release(st);
  }
  return newList(out);
});

/** compile_template: re._compile_template(pattern, repl), retrying with an exact str/bytes copy when repl is unhashable. */
let compileTemplateFn: PyObject | null = null;

function compileTemplate(pat: PyPattern, repl: PyObject): PyTemplate {
  // Looked up once, like CPython's module_state->compile_template.
  if (compileTemplateFn === null) {
    compileTemplateFn = ops.getAttr(interp.importName("re", newDict(), None, None, 0), "_compile_template");
  }
  const fn = compileTemplateFn;
  let result: PyObject;
  try {
    result = ops.call(fn, [pat, repl]);
  } catch (e) {
    if (!(e instanceof PyBaseException && isinstance(e, TypeErrorType))) throw e;
    let copy: PyObject;
    if (repl instanceof PyStrObj) copy = repl.value;
    else if (repl instanceof PyByteArray) copy = new PyBytes(repl.data.slice(0, repl.length));
    else if (repl instanceof PyMemoryView) copy = new PyBytes(repl.bytes().slice());
    else if (repl instanceof PyBytes && repl.type !== BytesType) copy = new PyBytes(repl.data.slice());
    else throw e;
    result = ops.call(fn, [pat, copy]);
  }
  if (!(result instanceof PyTemplate)) {
    throw newException(RuntimeErrorType, `the result of compiling a replacement string is ${typeName(result)}`);
  }
  return result;
}

/** Group g of a Match (None when unset). */
function matchSlice(m: PyMatch, g: number, def: PyObject): PyObject {
  const s = m.marks[2 * g];
  if (s < 0) return def;
  const len = m.sub.isbytes ? m.sub.bytes.length : m.sub.text.length;
  return sliceOf(m.sub, Math.min(s, len), Math.min(m.marks[2 * g + 1], len));
}

/** expand_template: the template's literals and groups of m, joined. */
function expandTemplate(t: PyTemplate, m: PyMatch): PyObject {
  if (t.items.length === 0) return t.literal;
  const parts: PyObject[] = [t.literal];
  for (const item of t.items) {
    if (item.index > m.pattern.groups) throw newException(IndexErrorType, "no such group");
    const v = matchSlice(m, item.index, None);
    if (v !== None) parts.push(v);
    if (item.literal !== null) parts.push(item.literal);
  }
  return isStr(t.literal) ? joinStr(parts) : joinBytes(parts);
}

function joinStr(parts: PyObject[]): string {
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!isStr(p)) throw typeError(`sequence item ${i}: expected str instance, ${typeName(p)} found`);
    out += strValue(p);
  }
  return out;
}

function joinBytes(parts: PyObject[]): PyBytes {
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    let data: Uint8Array;
    if (p instanceof PyBytes) data = p.data;
    else if (p instanceof PyByteArray) data = p.data.subarray(0, p.length);
    else if (p instanceof PyMemoryView) data = p.bytes();
    else throw typeError(`sequence item ${i}: expected a bytes-like object, ${typeName(p)} found`);
    chunks.push(data);
    n += data.length;
  }
  const out = new Uint8Array(n);
  let k = 0;
  for (const c of chunks) {
    out.set(c, k);
    k += c.length;
  }
  return new PyBytes(out);
}

/** Is a replacement without backslashes (used as is)? Objects that are neither str nor bytes-like go to the template compiler. */
function isLiteralRepl(repl: PyObject): boolean {
  if (isStr(repl)) return !strValue(repl).includes("\\");
  if (repl instanceof PyBytes) return repl.data.indexOf(BACKSLASH) < 0;
  if (repl instanceof PyByteArray) return repl.data.subarray(0, repl.length).indexOf(BACKSLASH) < 0;
  if (repl instanceof PyMemoryView) return repl.bytes().indexOf(BACKSLASH) < 0;
  return false;
}

type Filter = { kind: "literal"; value: PyObject } | { kind: "template"; t: PyTemplate } | { kind: "callable"; fn: PyObject };

function makeFilter(pat: PyPattern, repl: PyObject): Filter {
  if (ops.isCallable(repl)) return { kind: "callable", fn: repl };
  if (isLiteralRepl(repl)) return { kind: "literal", value: repl };
  const t = compileTemplate(pat, repl);
  return t.items.length === 0 ? { kind: "literal", value: t.literal } : { kind: "template", t };
}

/** pattern_subx: sub / subn. */
function subx(self: PyObject, fname: string, args: PyObject[], kw: readonly string[] | null, subn: boolean): PyObject {
  const pat = asPattern(self);
  const [repl, s, countArg] = clinicArgs(fname, args, kw, ["repl", "string", "count"], 2);
  const filter = makeFilter(pat, repl as PyObject);
  const sub = subjectOf(s as PyObject);
  const count = countArg === undefined ? 0 : ssizeArg(countArg);
  const st = pat.state(sub, 0, MAXSIZE);
  const parts: PyObject[] = [];
  let n = 0;
  try {
    let i = 0;
    while (!count || n < count) {
      if (!engineCall(() => st.searchNext())) break;
      const b = st.matchStart;
      const e = st.matchEnd;
      if (i < b) parts.push(sliceOf(sub, i, b));
      let item: PyObject;
      if (filter.kind === "literal") item = filter.value;
      else {
        const m = newMatch(pat, sub, st);
        item = filter.kind === "template" ? expandTemplate(filter.t, m) : ops.call(filter.fn, [m]);
      }
      if (item !== None) parts.push(item);
      i = e;
      n++;
    }
    if (i < st.endpos) parts.push(sliceOf(sub, i, st.endpos));
  } finally {
    pat.release(st);
  }
  const joined: PyObject = sub.isbytes ? joinBytes(parts) : joinStr(parts);
  return subn ? newTuple([joined, n]) : joined;
}

defMethod(PatternType, "sub", (self, args, kw) => subx(self, "sub", args, kw, false));
defMethod(PatternType, "subn", (self, args, kw) => subx(self, "subn", args, kw, true));
defMethod(PatternType, "__copy__", (self) => self);
defMethod(PatternType, "__deepcopy__", (self) => self);
defClassMethod(PatternType, "__class_getitem__", (cls, args) => ops.makeGenericAlias(cls, args[0]));

defGetSet(PatternType, "pattern", (self) => asPattern(self).pattern);
defGetSet(PatternType, "flags", (self) => asPattern(self).flags);
defGetSet(PatternType, "groups", (self) => asPattern(self).groups);
defGetSet(PatternType, "groupindex", (self) => {
  const gi = asPattern(self).groupindex;
  return gi === null ? newDict() : new PyMappingProxy(gi);
});

const FLAG_NAMES: Array<[string, number]> = [
  ["re.IGNORECASE", SreFlag.IGNORECASE],
  ["re.LOCALE", SreFlag.LOCALE],
  ["re.MULTILINE", SreFlag.MULTILINE],
  ["re.DOTALL", SreFlag.DOTALL],
  ["re.UNICODE", SreFlag.UNICODE],
  ["re.VERBOSE", SreFlag.VERBOSE],
  ["re.DEBUG", SreFlag.DEBUG],
  ["re.ASCII", SreFlag.ASCII],
];

/** The first n characters (code points) of s: printf's %.<n>R / %.<n>S precision. */
function truncate(s: string, n: number): string {
  if (s.length <= n) return s;
  return Array.from(s).slice(0, n).join("");
}

function patternRepr(self: PyObject): string {
  const pat = asPattern(self);
  let flags = pat.flags;
  // re.UNICODE is implied for str patterns.
  if (pat.isbytes === 0 && (flags & (SreFlag.LOCALE | SreFlag.UNICODE | SreFlag.ASCII)) === SreFlag.UNICODE) flags &= ~SreFlag.UNICODE;
  const names: string[] = [];
  for (const [name, bit] of FLAG_NAMES) {
    if (flags & bit) {
      names.push(name);
      flags &= ~bit;
    }
  }
  if (flags) names.push(`0x${(flags >>> 0).toString(16)}`);
  const p = truncate(ops.repr(pat.pattern), 200);
  return names.length ? `re.compile(${p}, ${names.join("|")})` : `re.compile(${p})`;
}
PatternType.slots.repr = patternRepr;
defMethod(PatternType, "__repr__", (self) => patternRepr(self));

function patternHash(self: PyObject): number | bigint {
  const pat = asPattern(self);
  const codeBytes = new Uint8Array(pat.code.buffer, pat.code.byteOffset, pat.code.byteLength);
  let h = BigInt.asIntN(64, BigInt(ops.hash(pat.pattern)) ^ BigInt(bytesHash(codeBytes)));
  h = BigInt.asIntN(64, h ^ BigInt(pat.flags) ^ BigInt(pat.isbytes) ^ BigInt(pat.code.length));
  if (h === -1n) h = -2n;
  return normBig(h);
}
PatternType.slots.hash = patternHash;
defMethod(PatternType, "__hash__", (self) => patternHash(self));

function patternEq(a: PyPattern, b: PyObject): PyObject {
  if (!(b instanceof PyPattern)) return NotImplemented;
  if (a === b) return true;
  if (a.flags !== b.flags || a.isbytes !== b.isbytes || a.code.length !== b.code.length) return false;
  for (let i = 0; i < a.code.length; i++) if (a.code[i] !== b.code[i]) return false;
  return ops.eq(a.pattern, b.pattern);
}
defMethod(PatternType, "__eq__", (self, args) => patternEq(asPattern(self), args[0]));
defMethod(PatternType, "__ne__", (self, args) => {
  const r = patternEq(asPattern(self), args[0]);
  return typeof r === "boolean" ? !r : r;
});

// ---------------------------------------------------------------------------------------------------------------
// Match methods

/** match_getindex: a group number from an int or a group name; IndexError("no such group") otherwise. */
function groupIndex(m: PyMatch, index: PyObject | undefined): number {
  if (index === undefined) return 0;
  let i = -1;
  if (ops.hasIndex(index)) {
    const v = ops.index(index);
    i = typeof v === "bigint" ? -1 : v;
  } else if (m.pattern.groupindex !== null) {
    const v = m.pattern.groupindex.get(index);
    if (v !== undefined && isInt(v)) {
      const n = intValue(v);
      i = typeof n === "bigint" ? -1 : n;
    }
  }
  if (i < 0 || i > m.pattern.groups) throw newException(IndexErrorType, "no such group");
  return i;
}

defMethod(MatchType, "group", (self, args, kw) => {
  if (kw !== null && kw.length) throw typeError("group() takes no keyword arguments");
  const m = asMatch(self);
  if (args.length === 0) return matchSlice(m, 0, None);
  if (args.length === 1) return matchSlice(m, groupIndex(m, args[0]), None);
  return newTuple(args.map((a) => matchSlice(m, groupIndex(m, a), None)));
});

defMethod(MatchType, "__getitem__", (self, args) => {
  const m = asMatch(self);
  return matchSlice(m, groupIndex(m, args[0]), None);
});

defMethod(MatchType, "groups", (self, args, kw) => {
  const m = asMatch(self);
  const [def] = clinicArgs("groups", args, kw, ["default"], 0);
  const items: PyObject[] = [];
  for (let g = 1; g <= m.pattern.groups; g++) items.push(matchSlice(m, g, def ?? None));
  return newTuple(items);
});

defMethod(MatchType, "groupdict", (self, args, kw) => {
  const m = asMatch(self);
  const [def] = clinicArgs("groupdict", args, kw, ["default"], 0);
  const out = newDict();
  const gi = m.pattern.groupindex;
  if (gi === null) return out;
  for (const [key] of gi.entries()) out.set(key, matchSlice(m, groupIndex(m, key), def ?? None));
  return out;
});

function groupArg(fname: string, args: PyObject[], kw: readonly string[] | null): PyObject | undefined {
  if (kw !== null && kw.length) throw typeError(`${fname}() takes no keyword arguments`);
  if (args.length > 1) throw typeError(`${fname} expected at most 1 argument, got ${args.length}`);
  return args[0];
}

defMethod(MatchType, "start", (self, args, kw) => {
  const m = asMatch(self);
  return m.marks[2 * groupIndex(m, groupArg("start", args, kw))];
});
defMethod(MatchType, "end", (self, args, kw) => {
  const m = asMatch(self);
  return m.marks[2 * groupIndex(m, groupArg("end", args, kw)) + 1];
});
defMethod(MatchType, "span", (self, args, kw) => {
  const m = asMatch(self);
  const g = groupIndex(m, groupArg("span", args, kw));
  return newTuple([m.marks[2 * g], m.marks[2 * g + 1]]);
});
defMethod(MatchType, "expand", (self, args, kw) => {
  const m = asMatch(self);
  const [template] = clinicArgs("expand", args, kw, ["template"], 1);
  return expandTemplate(compileTemplate(m.pattern, template as PyObject), m);
});
defMethod(MatchType, "__copy__", (self) => self);
defMethod(MatchType, "__deepcopy__", (self) => self);
defClassMethod(MatchType, "__class_getitem__", (cls, args) => ops.makeGenericAlias(cls, args[0]));

defGetSet(MatchType, "lastindex", (self) => {
  const m = asMatch(self);
  return m.lastindex >= 0 ? m.lastindex : None;
});
defGetSet(MatchType, "lastgroup", (self) => {
  const m = asMatch(self);
  const ig = m.pattern.indexgroup;
  if (ig !== null && m.lastindex >= 0 && m.lastindex < ig.items.length) return ig.items[m.lastindex];
  return None;
});
defGetSet(MatchType, "regs", (self) => {
  const m = asMatch(self);
  if (m.regsCache === null) {
    const pairs: PyObject[] = [];
    for (let g = 0; g <= m.pattern.groups; g++) pairs.push(newTuple([m.marks[2 * g], m.marks[2 * g + 1]]));
    m.regsCache = newTuple(pairs);
  }
  return m.regsCache;
});
defGetSet(MatchType, "string", (self) => asMatch(self).sub.obj);
defGetSet(MatchType, "re", (self) => asMatch(self).pattern);
defGetSet(MatchType, "pos", (self) => asMatch(self).pos);
defGetSet(MatchType, "endpos", (self) => asMatch(self).endpos);

function matchRepr(self: PyObject): string {
  const m = asMatch(self);
  const g0 = truncate(ops.repr(matchSlice(m, 0, None)), 50);
  return `<re.Match object; span=(${m.marks[0]}, ${m.marks[1]}), match=${g0}>`;
}
MatchType.slots.repr = matchRepr;
defMethod(MatchType, "__repr__", (self) => matchRepr(self));

// ---------------------------------------------------------------------------------------------------------------
// Scanner

function scannerStep(self: PyObject, how: "match" | "search"): PyObject {
  if (!(self instanceof PyScanner)) throw typeError(`descriptor requires a '_sre.SRE_Scanner' object but received '${typeName(self)}'`);
  if (self.executing) throw newException(ValueErrorType, "regular expression scanner already executing");
  self.executing = true;
  try {
    const st = self.st;
    const ok = engineCall(() => (how === "search" ? st.searchNext() : st.matchNext()));
    return ok ? newMatch(self.pattern, self.sub, st) : None;
  } finally {
    self.executing = false;
  }
}
defMethod(ScannerType, "match", (self) => scannerStep(self, "match"));
defMethod(ScannerType, "search", (self) => scannerStep(self, "search"));
defGetSet(ScannerType, "pattern", (self) => (self as PyScanner).pattern);

// ---------------------------------------------------------------------------------------------------------------
// Module functions

function compileFn(args: PyObject[], kw: readonly string[] | null): PyObject {
  const [pattern, flagsArg, code, groupsArg, groupindex, indexgroup] = clinicArgs(
    "compile",
    args,
    kw,
    ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
    6,
  ) as PyObject[];
  const flags = cIntArg(flagsArg);
  if (!(code instanceof PyList)) throw typeError(`compile() argument 'code' must be list, not ${typeName(code)}`);
  const groups = ssizeArg(groupsArg);
  if (!(groupindex instanceof PyDict)) throw typeError(`compile() argument 'groupindex' must be dict, not ${typeName(groupindex)}`);
  if (!(indexgroup instanceof PyTuple)) throw typeError(`compile() argument 'indexgroup' must be tuple, not ${typeName(indexgroup)}`);
  const words = new Uint32Array(code.items.length);
  code.items.forEach((o, i) => {
    words[i] = codeWord(o);
  });
  let isbytes = -1;
  if (pattern !== None) isbytes = subjectOf(pattern).isbytes ? 1 : 0;
  if (!validateCode(words, groups)) throw newException(RuntimeErrorType, "invalid SRE code");
  const gi = groupindex.size > 0 ? groupindex : null;
  const ig = gi !== null && indexgroup.items.length > 0 ? indexgroup : null;
  return new PyPattern(pattern, flags, words, groups, gi, ig, isbytes);
}

/** PyLong_AsUnsignedLong, then the SRE_CODE range check. */
function codeWord(o: PyObject): number {
  if (!isInt(o)) throw typeError("an integer is required");
  const v = intValue(o);
  if (v < 0) throw newException(OverflowErrorType, "can't convert negative value to unsigned int");
  if (typeof v === "bigint" && v > 0xffffffffffffffffn) throw newException(OverflowErrorType, "Python int too large to convert to C unsigned long");
  if (v > SRE_MAXREPEAT) throw newException(OverflowErrorType, "regular expression code size limit exceeded");
  return Number(v);
}

function templateFn(args: PyObject[], kw: readonly string[] | null): PyObject {
  if (kw !== null && kw.length) throw typeError("template() takes no keyword arguments");
  if (args.length !== 2) throw typeError(`template expected 2 arguments, got ${args.length}`);
  const list = args[1];
  if (!(list instanceof PyList)) throw typeError(`template() argument 2 must be list, not ${typeName(list)}`);
  const n = list.items.length;
  if ((n & 1) === 0 || n < 1) throw typeError("invalid template");
  const items: TemplateItem[] = [];
  for (let i = 0; i < (n - 1) / 2; i++) {
    const index = ssizeArg(list.items[2 * i + 1]);
    if (index < 0) throw typeError("invalid template");
    let literal: PyObject | null = list.items[2 * i + 2];
    // Empty literals are skipped.
    if ((isStr(literal) && strValue(literal).length === 0) || (literal instanceof PyBytes && literal.data.length === 0)) literal = null;
    items.push({ index, literal });
  }
  return new PyTemplate(list.items[0], items);
}

/** A one-argument function of a C int (the *_iscased / *_tolower helpers). */
function charFn(name: string, f: (ch: number) => PyObject): (args: PyObject[], kw: readonly string[] | null) => PyObject {
  return (args, kw) => {
    if (kw !== null && kw.length) throw typeError(`${name}() takes no keyword arguments`);
    if (args.length !== 1) throw typeError(`${name}() takes exactly one argument (${args.length} given)`);
    return f(cIntArg(args[0]));
  };
}

export function makeSreModule(): ReturnType<typeof makeModule> {
  return makeModule("_sre", {
    compile: compileFn,
    template: templateFn,
    getcodesize: (args) => {
      if (args.length) throw typeError(`getcodesize() takes no arguments (${args.length} given)`);
      return SRE_CODESIZE;
    },
    ascii_iscased: charFn("ascii_iscased", (ch) => asciiIsCased(ch >>> 0)),
    unicode_iscased: charFn("unicode_iscased", (ch) => uniIsCased(ch >>> 0)),
    ascii_tolower: charFn("ascii_tolower", (ch) => (ch >= 0 && ch < 128 ? asciiLower(ch) : ch)),
    unicode_tolower: charFn("unicode_tolower", (ch) => uniLower(ch >>> 0) | 0),
    MAGIC: SRE_MAGIC,
    CODESIZE: SRE_CODESIZE,
    MAXREPEAT: SRE_MAXREPEAT,
    MAXGROUPS: SRE_MAXGROUPS,
    copyright: COPYRIGHT,
  });
}

registerNativeModule("_sre", makeSreModule);
