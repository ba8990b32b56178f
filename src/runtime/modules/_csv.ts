// The `_csv` native module: Dialect validation, the reader state machine and the writer's quoting/escaping rules of
// CPython 3.12's _csv.c (incl. QUOTE_STRINGS/QUOTE_NOTNULL), dialect registry and field_size_limit.
import {
  None,
  PyObject,
  PyBase,
  PyList,
  PyFloat,
  PyType,
  ObjectType,
  ExceptionType,
  PyBaseException,
  makeBuiltinType,
  newException,
  typeError,
  isStr,
  strValue,
  isInt,
  typeOf,
  FloatType,
} from "../core";
import { defGetSet, defMethod, defStaticMethod, makeModule, parseArgs, splitKw } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { newExceptionClass } from "./binascii";

const CsvError = newExceptionClass("_csv", "Error", [ExceptionType]);
const csvErr = (msg: string): PyBaseException => newException(CsvError, msg);

const enum Q {
  Minimal = 0,
  All = 1,
  NonNumeric = 2,
  None = 3,
  Strings = 4,
  NotNull = 5,
}

// ---- Dialect ------------------------------------------------------------------------------------------------------

interface DialectData {
  delimiter: string;
  doublequote: boolean;
  escapechar: string | null;
  lineterminator: string;
  quotechar: string | null;
  quoting: Q;
  skipinitialspace: boolean;
  strict: boolean;
}
export const DialectType: PyType = makeBuiltinType("_csv.Dialect", ObjectType);
class PyDialect extends PyBase {
  constructor(
    type: PyType,
    public d: DialectData,
  ) {
    super(type);
  }
}
const ATTRS = ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"] as const;

function charAttr(name: string, v: PyObject | undefined, dflt: string | null, nullable: boolean): string | null {
  if (v === undefined) return dflt;
  if (v === None && nullable) return null;
  if (!isStr(v)) throw typeError(`"${name}" must be string${nullable ? " or None" : ""}, not ${typeOf(v).name}`);
  const s = strValue(v);
  if ([...s].length !== 1) throw typeError(`"${name}" must be a 1-character string`);
  return s;
}

function makeDialect(type: PyType, dialect: PyObject | undefined, kw: Map<string, PyObject>): PyDialect {
  let base = dialect;
  if (base !== undefined && isStr(base)) base = getDialect(strValue(base));
  if (base instanceof PyDialect && kw.size === 0 && type === DialectType) return base;
  const get = (name: string): PyObject | undefined => {
    const k = kw.get(name);
    if (k !== undefined) return k;
    if (base === undefined) return undefined;
    return ops.getAttrOpt(base, name);
  };
  const delimiter = charAttr("delimiter", get("delimiter"), ",", false)!;
  const doublequote = get("doublequote") === undefined ? true : ops.truthy(get("doublequote")!);
  const escapechar = charAttr("escapechar", get("escapechar"), null, true);
  const lt = get("lineterminator");
  if (lt !== undefined && !isStr(lt)) throw typeError('"lineterminator" must be a string');
  const qcObj = get("quotechar");
  const quotechar = charAttr("quotechar", qcObj, '"', true);
  const quotingObj = get("quoting");
  let quoting = Q.Minimal;
  if (quotingObj !== undefined) {
    if (!isInt(quotingObj)) throw typeError('"quoting" must be an integer');
    quoting = Number(ops.index(quotingObj));
    if (quoting < 0 || quoting > 5) throw typeError('bad "quoting" value');
  }
  const d: DialectData = {
    delimiter,
    doublequote,
    escapechar,
    lineterminator: lt === undefined ? "\r\n" : strValue(lt),
    quotechar,
    quoting,
    skipinitialspace: get("skipinitialspace") === undefined ? false : ops.truthy(get("skipinitialspace")!),
    strict: get("strict") === undefined ? false : ops.truthy(get("strict")!),
  };
  if (qcObj === None && quotingObj === undefined) d.quoting = Q.None;
  if (d.quoting !== Q.None && d.quotechar === null) throw typeError("quotechar must be set if quoting enabled");
  return new PyDialect(type, d);
}

function kwMap(args: PyObject[], kwnames: readonly string[] | null): { pos: PyObject[]; kw: Map<string, PyObject> } {
  const { pos, kw } = splitKw(args, kwnames);
  const m = new Map<string, PyObject>();
  if (kw !== null) ops.iterate(kw, (k) => void m.set(ops.pyStr(k), ops.getItem(kw, k)));
  for (const k of m.keys()) if (!(ATTRS as readonly string[]).includes(k)) throw typeError(`'${k}' is an invalid keyword argument for this function`);
  return { pos, kw: m };
}

defStaticMethod(DialectType, "__new__", (args, kwnames) => {
  const cls = args[0] as PyType;
  const { pos, kw } = kwMap(args.slice(1), kwnames);
  if (pos.length > 1) throw typeError(`Dialect() takes at most 1 positional argument (${pos.length} given)`);
  return makeDialect(cls, pos[0], kw);
});
const D = (x: PyObject): DialectData => (x as PyDialect).d;
defGetSet(DialectType, "delimiter", (s) => D(s).delimiter);
defGetSet(DialectType, "doublequote", (s) => D(s).doublequote);
defGetSet(DialectType, "escapechar", (s) => D(s).escapechar ?? None);
defGetSet(DialectType, "lineterminator", (s) => D(s).lineterminator);
defGetSet(DialectType, "quotechar", (s) => D(s).quotechar ?? None);
defGetSet(DialectType, "quoting", (s) => D(s).quoting);
defGetSet(DialectType, "skipinitialspace", (s) => D(s).skipinitialspace);
defGetSet(DialectType, "strict", (s) => D(s).strict);

const registry = new Map<string, PyDialect>();
function getDialect(name: string): PyDialect {
  const d = registry.get(name);
  if (d === undefined) throw csvErr("unknown dialect");
  return d;
}
let fieldLimit = 128 * 1024;

// ---- reader ---------------------------------------------------------------------------------------------------

const enum S {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl,
}
const EOL = "";

export const ReaderType: PyType = makeBuiltinType("_csv.reader", ObjectType, { subclassable: false });
class PyReader extends PyBase {
  fields: PyObject[] = [];
  field = "";
  unquoted = true;
  state = S.StartRecord;
  lineNum = 0;
  constructor(
    public input: PyObject,
    public dialect: PyDialect,
  ) {
    super(ReaderType);
  }
  save(): void {
    const q = this.dialect.d.quoting;
    let v: PyObject;
    // 3.12 converts unquoted fields for QUOTE_NONNUMERIC only (QUOTE_STRINGS/NOTNULL affect the writer).
    v = this.field;
    if (this.unquoted && this.field.length !== 0 && q === Q.NonNumeric) v = ops.call(FloatType, [this.field]) as PyFloat;
    this.unquoted = true;
    this.fields.push(v);
    this.field = "";
  }
  add(c: string): void {
    if (this.field.length >= fieldLimit) throw csvErr(`field larger than field limit (${fieldLimit})`);
    this.field += c;
  }
  process(c: string): void {
    const d = this.dialect.d;
    const nl = c === "\n" || c === "\r";
    switch (this.state) {
      case S.StartRecord:
        if (c === EOL) return;
        if (nl) {
          this.state = S.EatCrnl;
          return;
        }
        this.state = S.StartField;
        this.process(c);
        return;
      case S.StartField:
        if (nl || c === EOL) {
          this.save();
          this.state = c === EOL ? S.StartRecord : S.EatCrnl;
        } else if (c === d.quotechar && d.quoting !== Q.None) {
          this.unquoted = false;
          this.state = S.InQuotedField;
        } else if (c === d.escapechar) this.state = S.EscapedChar;
        else if (c === " " && d.skipinitialspace) {
          // skipped
        }
        else if (c === d.delimiter) this.save();
        else {
          this.add(c);
          this.state = S.InField;
        }
        return;
      case S.EscapedChar:
        if (nl) {
          this.add(c);
          this.state = S.AfterEscapedCrnl;
          return;
        }
        this.add(c === EOL ? "\n" : c);
        this.state = S.InField;
        return;
      case S.AfterEscapedCrnl:
        if (c === EOL) return;
        this.state = S.InField;
        this.process(c);
        return;
      case S.InField:
        if (nl || c === EOL) {
          this.save();
          this.state = c === EOL ? S.StartRecord : S.EatCrnl;
        } else if (c === d.escapechar) this.state = S.EscapedChar;
        else if (c === d.delimiter) {
          this.save();
          this.state = S.StartField;
        } else this.add(c);
        return;
      case S.InQuotedField:
        if (c === EOL) {
          // a line break inside quotes: the next line continues the field
        } else if (c === d.escapechar) this.state = S.EscapeInQuotedField;
        else if (c === d.quotechar && d.quoting !== Q.None) this.state = d.doublequote ? S.QuoteInQuotedField : S.InField;
        else this.add(c);
        return;
      case S.EscapeInQuotedField:
        this.add(c === EOL ? "\n" : c);
        this.state = S.InQuotedField;
        return;
      case S.QuoteInQuotedField:
        if (d.quoting !== Q.None && c === d.quotechar) {
          this.add(c);
          this.state = S.InQuotedField;
        } else if (c === d.delimiter) {
          this.save();
          this.state = S.StartField;
        } else if (nl || c === EOL) {
          this.save();
          this.state = c === EOL ? S.StartRecord : S.EatCrnl;
        } else if (!d.strict) {
          this.add(c);
          this.state = S.InField;
        } else throw csvErr(`'${d.delimiter}' expected after '${d.quotechar}'`);
        return;
      case S.EatCrnl:
        if (c === EOL) this.state = S.StartRecord;
        else if (!nl)
          throw csvErr("new-line character seen in unquoted field - do you need to open the file with newline=''?");
        return;
    }
  }
  next(): PyObject | undefined {
    this.fields = [];
    this.field = "";
    this.unquoted = true;
    this.state = S.StartRecord;
    do {
      const line = ops.next(this.input);
      if (line === undefined) {
        if (this.field.length !== 0 || (this.state as S) === S.InQuotedField) {
          if (this.dialect.d.strict) throw csvErr("unexpected end of data");
          this.save();
          break;
        }
        return undefined;
      }
      if (!isStr(line)) throw csvErr(`iterator should return strings, not ${typeOf(line).name} (the file should be opened in text mode)`);
      this.lineNum++;
      for (const c of strValue(line)) this.process(c);
      this.process(EOL);
    } while (this.state !== S.StartRecord);
    const f = this.fields;
    this.fields = [];
    return new PyList(f);
  }
}
ReaderType.slots.iter = (self) => self;
ReaderType.slots.next = (self) => (self as PyReader).next();
defMethod(ReaderType, "__iter__", (self) => self);
defMethod(ReaderType, "__next__", (self) => {
  const r = (self as PyReader).next();
  if (r === undefined) throw ops.stopIterationExc();
  return r;
});
defGetSet(ReaderType, "dialect", (self) => (self as PyReader).dialect);
defGetSet(ReaderType, "line_num", (self) => (self as PyReader).lineNum);

// ---- writer ---------------------------------------------------------------------------------------------------

export const WriterType: PyType = makeBuiltinType("_csv.writer", ObjectType, { subclassable: false });
class PyWriter extends PyBase {
  constructor(
    public write: PyObject,
    public dialect: PyDialect,
  ) {
    super(WriterType);
  }
}

function joinField(d: DialectData, field: string | null, quoteEmpty: boolean, quotedIn: boolean): string {
  let quoted = quotedIn;
  let out = "";
  const s = field ?? "";
  for (const c of s) {
    let wantEscape = false;
    if (c === d.delimiter || c === d.escapechar || c === d.quotechar || c === "\n" || c === "\r" || d.lineterminator.includes(c)) {
      if (d.quoting === Q.None) wantEscape = true;
      else {
        if (c === d.quotechar) {
          if (d.doublequote) out += d.quotechar;
          else wantEscape = true;
        } else if (c === d.escapechar) wantEscape = true;
        if (!wantEscape) quoted = true;
      }
      if (wantEscape) {
        if (d.escapechar === null) throw csvErr("need to escape, but no escapechar set");
        out += d.escapechar;
      }
    }
    out += c;
  }
  if (s.length === 0 && quoteEmpty) {
    if (d.quoting === Q.None) throw csvErr("single empty field record must be quoted");
    quoted = true;
  }
  return quoted ? `${d.quotechar}${out}${d.quotechar}` : out;
}

function isNumber(x: PyObject): boolean {
  return isInt(x) || x instanceof PyFloat || typeOf(x).lookup("__float__") !== undefined || typeOf(x).lookup("__index__") !== undefined || typeOf(x).lookup("__int__") !== undefined;
}

function writeRow(w: PyWriter, row: PyObject): PyObject {
  const d = w.dialect.d;
  let items: PyObject[];
  try {
    items = ops.toArray(row);
  } catch (e) {
    if (e instanceof PyBaseException && ops.isInstanceOf(e, typeOf(typeError("")))) throw csvErr(`iterable expected, not ${typeOf(row).name}`);
    throw e;
  }
  const parts: string[] = [];
  for (const f of items) {
    let quoted: boolean;
    switch (d.quoting) {
      case Q.NonNumeric:
        quoted = !isNumber(f);
        break;
      case Q.All:
        quoted = true;
        break;
      case Q.Strings:
        quoted = isStr(f);
        break;
      case Q.NotNull:
        quoted = f !== None;
        break;
      default:
        quoted = false;
    }
    const s = isStr(f) ? strValue(f) : f === None ? null : ops.str(f);
    parts.push(joinField(d, s, false, quoted));
  }
  if (items.length === 1 && parts[0].length === 0) parts[0] = joinField(d, null, true, false);
  return ops.call(w.write, [parts.join(d.delimiter) + d.lineterminator]);
}
defMethod(WriterType, "writerow", (self, args, kw) => {
  const [row] = parseArgs("writerow", args, kw, ["row"], 1, 1);
  return writeRow(self as PyWriter, row!);
});
defMethod(WriterType, "writerows", (self, args, kw) => {
  const [rows] = parseArgs("writerows", args, kw, ["rows"], 1, 1);
  ops.iterate(rows!, (r) => void writeRow(self as PyWriter, r));
  return None;
});
defGetSet(WriterType, "dialect", (self) => (self as PyWriter).dialect);

function dialectFromCall(args: PyObject[], kwnames: readonly string[] | null, fname: string): { first: PyObject; dialect: PyDialect } {
  // `dialect` may come by keyword too; the other keywords are formatting parameters.
  let dialectKw: PyObject | undefined;
  if (kwnames !== null) {
    const i = kwnames.indexOf("dialect");
    if (i >= 0) {
      const n = args.length - kwnames.length;
      dialectKw = args[n + i];
      args = [...args.slice(0, n + i), ...args.slice(n + i + 1)];
      kwnames = kwnames.filter((_, k) => k !== i);
    }
  }
  const { pos, kw } = kwMap(args, kwnames);
  if (dialectKw !== undefined) {
    if (pos.length > 1) throw typeError(`argument for ${fname}() given by name ('dialect') and position (2)`);
    pos.push(dialectKw);
  }
  if (pos.length < 1) throw typeError(`expected at least 1 argument, got 0`);
  if (pos.length > 2) throw typeError(`${fname}() takes at most 2 positional arguments`);
  return { first: pos[0], dialect: makeDialect(DialectType, pos[1] ?? "excel", kw) };
}

registerNativeModule("_csv", () =>
  makeModule("_csv", {
    __version__: "1.0",
    __doc__: "CSV parsing and writing.",
    Error: CsvError,
    Dialect: DialectType,
    QUOTE_MINIMAL: Q.Minimal,
    QUOTE_ALL: Q.All,
    QUOTE_NONNUMERIC: Q.NonNumeric,
    QUOTE_NONE: Q.None,
    QUOTE_STRINGS: Q.Strings,
    QUOTE_NOTNULL: Q.NotNull,
    reader: (args, kw) => {
      const { first, dialect } = dialectFromCall(args, kw, "reader");
      return new PyReader(ops.getIter(first), dialect);
    },
    writer: (args, kw) => {
      const { first, dialect } = dialectFromCall(args, kw, "writer");
      const write = ops.getAttrOpt(first, "write");
      if (write === undefined || !ops.isCallable(write)) throw typeError('argument 1 must have a "write" method');
      return new PyWriter(write, dialect);
    },
    register_dialect: (args, kwnames) => {
      const { pos, kw } = kwMap(args, kwnames);
      if (pos.length < 1) throw typeError("register_dialect() expected at least 1 argument, got 0");
      if (!isStr(pos[0])) throw typeError("dialect name must be a string");
      registry.set(strValue(pos[0]), makeDialect(DialectType, pos[1], kw));
      return None;
    },
    unregister_dialect: (args) => {
      const name = ops.pyStr(args[0]);
      if (!registry.delete(name)) throw csvErr("unknown dialect");
      return None;
    },
    get_dialect: (args) => getDialect(ops.pyStr(args[0])),
    list_dialects: () => new PyList([...registry.keys()]),
    field_size_limit: (args, kw) => {
      const [limit] = parseArgs("field_size_limit", args, kw, ["new_limit"], 0);
      const old = fieldLimit;
      if (limit !== undefined) {
        if (!isInt(limit)) throw typeError("limit must be an integer");
        fieldLimit = Number(ops.index(limit));
      }
      return old;
    },
  }),
);
