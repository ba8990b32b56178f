// _locale: the "C" and "C.UTF-8" locales (the only ones whose conventions the VM implements; others are refused with
// CPython's "unsupported locale setting"), per-category setlocale with glibc's composite names, localeconv,
// nl_langinfo, strcoll/strxfrm (code point order, as in C), getencoding, and no-op gettext bindings.
import { PyDict, PyList, PyObject, PyType, None, typeError, valueError, isStr, strValue, typeOf, makeBuiltinType, ExceptionType } from "../core";
import * as ops from "../ops";
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";

const LocaleError: PyType = makeBuiltinType("Error", ExceptionType);
LocaleError.dict.setStr("__module__", "locale");
LocaleError.instDict = true;
function localeError(msg: string): PyObject {
  return ops.call(LocaleError, [msg]);
}

// glibc category numbers; LC_ALL (6) is not a category of its own
const CATEGORY_NAMES = ["LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_ALL", "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION"];
const LC_ALL = 6;
const REAL_CATEGORIES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12];

/** The canonical name glibc reports for a supported locale name, or null. */
function supported(name: string): string | null {
  if (name === "C" || name === "POSIX") return "C";
  if (/^C\.(UTF-8|utf8|UTF8|utf-8)$/.test(name)) return name;
  return null;
}
/** What setlocale(cat, "") picks: LC_ALL, then LC_<category>, then LANG. */
function fromEnvironment(cat: number): string {
  const env = process.env;
  const v = env.LC_ALL || env[CATEGORY_NAMES[cat]] || env.LANG || "C";
  return v;
}
// CPython sets LC_CTYPE from the environment at startup; the others stay "C"
const current: string[] = CATEGORY_NAMES.map(() => "C");
current[0] = supported(fromEnvironment(0)) ?? "C";

function isUtf8(name: string): boolean {
  return name !== "C";
}
function queryAll(): string {
  const names = REAL_CATEGORIES.map((c) => current[c]);
  if (names.every((n) => n === names[0])) return names[0];
  return REAL_CATEGORIES.map((c) => `${CATEGORY_NAMES[c]}=${current[c]}`).join(";");
}

function setlocale(args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) throw typeError(`setlocale expected 1 or 2 arguments, got ${args.length}`);
  const cat = ops.indexNum(args[0]);
  if (cat < 0 || cat >= CATEGORY_NAMES.length) throw localeError("unsupported locale setting"); // glibc rejects it like an unknown name
  const loc = args.length > 1 ? args[1] : None;
  if (loc === None) return cat === LC_ALL ? queryAll() : current[cat];
  if (!isStr(loc)) throw typeError(`setlocale() argument 2 must be str or None, not ${typeOf(loc).name}`);
  const req = strValue(loc);
  const cats = cat === LC_ALL ? REAL_CATEGORIES : [cat];
  const chosen = cats.map((c) => (req === "" ? supported(fromEnvironment(c)) : supported(req)));
  if (chosen.some((n) => n === null)) throw localeError("unsupported locale setting");
  cats.forEach((c, i) => (current[c] = chosen[i]!));
  return cat === LC_ALL ? queryAll() : current[cat];
}

function localeconv(): PyObject {
  const d = new PyDict();
  const entries: [string, PyObject][] = [
    ["int_curr_symbol", ""], ["currency_symbol", ""], ["mon_decimal_point", ""], ["mon_thousands_sep", ""], ["mon_grouping", new PyList([])],
    ["positive_sign", ""], ["negative_sign", ""], ["int_frac_digits", 127], ["frac_digits", 127], ["p_cs_precedes", 127],
    ["p_sep_by_space", 127], ["n_cs_precedes", 127], ["n_sep_by_space", 127], ["p_sign_posn", 127], ["n_sign_posn", 127],
    ["decimal_point", "."], ["thousands_sep", ""], ["grouping", new PyList([])],
  ];
  for (const [k, v] of entries) d.setStr(k, v);
  return d;
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** nl_langinfo items of the C locale: name -> [glibc item number, value]. */
const LANGINFO: Record<string, [number, string]> = {
  CODESET: [14, ""], // depends on LC_CTYPE
  D_T_FMT: [0x20028, "%a %b %e %H:%M:%S %Y"],
  D_FMT: [0x20029, "%m/%d/%y"],
  T_FMT: [0x2002a, "%H:%M:%S"],
  T_FMT_AMPM: [0x2002b, "%I:%M:%S %p"],
  AM_STR: [0x20026, "AM"],
  PM_STR: [0x20027, "PM"],
  ERA: [0x2002c, ""],
  ERA_D_FMT: [0x2002e, ""],
  ALT_DIGITS: [0x2002f, ""],
  ERA_D_T_FMT: [0x20030, ""],
  ERA_T_FMT: [0x20031, ""],
  RADIXCHAR: [0x10000, "."],
  THOUSEP: [0x10001, ""],
  YESEXPR: [0x50000, "^[yY]"],
  NOEXPR: [0x50001, "^[nN]"],
  CRNCYSTR: [0x4000f, "-"],
  _DATE_FMT: [0x2006c, "%a %b %e %H:%M:%S %Z %Y"],
};
DAYS.forEach((d, i) => {
  LANGINFO[`DAY_${i + 1}`] = [0x20007 + i, d];
  LANGINFO[`ABDAY_${i + 1}`] = [0x20000 + i, d.slice(0, 3)];
});
MONTHS.forEach((m, i) => {
  LANGINFO[`MON_${i + 1}`] = [0x2001a + i, m];
  LANGINFO[`ABMON_${i + 1}`] = [0x2000e + i, m.slice(0, 3)];
});
const LANGINFO_BY_ITEM = new Map<number, string>(Object.entries(LANGINFO).map(([k, [n]]) => [n, k]));

function cmpCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}
function strArg(fname: string, i: number, x: PyObject): string {
  if (!isStr(x)) throw typeError(`${fname}() argument ${i} must be str, not ${typeOf(x).name}`);
  return strValue(x);
}

registerNativeModule("_locale", () => {
  const members: Record<string, PyObject | ((args: PyObject[], kw: readonly string[] | null) => PyObject)> = {
    Error: LocaleError,
    CHAR_MAX: 127,
    setlocale,
    localeconv,
    nl_langinfo: (args) => {
      const item = ops.indexNum(args[0]);
      const name = LANGINFO_BY_ITEM.get(item);
      if (name === undefined) throw valueError("unsupported langinfo constant");
      if (name === "CODESET") return isUtf8(current[0]) ? "UTF-8" : "ANSI_X3.4-1968";
      return LANGINFO[name][1];
    },
    strcoll: (args) => cmpCodePoints(strArg("strcoll", 1, args[0]), strArg("strcoll", 2, args[1])),
    strxfrm: (args) => strArg("strxfrm", 1, args[0]),
    // the interpreter runs in UTF-8 mode (sys.flags.utf8 == 1), where CPython's getencoding() is "utf-8"
    getencoding: () => "utf-8",
    gettext: (args) => args[0],
    dgettext: (args) => args[1],
    dcgettext: (args) => args[1],
    textdomain: (args) => (args[0] === None ? "messages" : args[0]),
    bindtextdomain: (args) => (args[1] === None ? "/usr/share/locale" : args[1]),
    bind_textdomain_codeset: (args) => args[1] ?? None,
  };
  CATEGORY_NAMES.slice(0, 7).forEach((n, i) => (members[n] = i));
  for (const [k, [n]] of Object.entries(LANGINFO)) members[k] = n;
  return makeModule("_locale", members, "Support for POSIX locales.");
});
