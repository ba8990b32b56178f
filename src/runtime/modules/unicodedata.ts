// The unicodedata module (Unicode 15.0.0) and its UCD type / ucd_3_2_0 object, on top of src/runtime/unicode.
import { lookupCodePoint, lookupName, nameOf } from "../../compiler/unicodeNames";
import {
  KeyErrorType,
  PyBase,
  PyByteArray,
  PyBytes,
  PyFloat,
  PyObject,
  PyType,
  UnicodeEncodeErrorType,
  isStr,
  makeBuiltinType,
  newException,
  strValue,
  typeError,
  typeName,
  valueError,
} from "../core";
import { arity, builtinFunction, defGetSet, defMethod, defStaticMethod, makeModule } from "../define";
import { isQuickCheckYes, ucd1500, ucd320, type NormalForm, type UnicodeDatabase } from "../unicode/index";
import { registerNativeModule } from "./registry";

/** CPython's NAME_MAXLEN: longer lookup() names fail with KeyError('name too long'). */
const NAME_MAXLEN = 256;
const HANGUL_PREFIX = "HANGUL SYLLABLE ";
const CJK_PREFIX = "CJK UNIFIED IDEOGRAPH-";

export const UCDType = makeBuiltinType("UCD", undefined, { subclassable: false });
UCDType.dict.setStr("__module__", "unicodedata");

/** A unicodedata.UCD object: one frozen database version (only ucd_3_2_0 exists). */
export class PyUCD extends PyBase {
  constructor(readonly db: UnicodeDatabase) {
    super(UCDType);
  }
}

/** A function of the module, or a method of UCD objects: `qualname` prefixes arity messages. */
type DbFunction = (db: UnicodeDatabase, args: PyObject[], qualname: string) => PyObject;

/** The code point of a one-character str argument (Argument Clinic's "a unicode character" converter). */
function charArg(fname: string, x: PyObject, position: string): number {
  if (isStr(x)) {
    const s = strValue(x);
    const cp = s.codePointAt(0);
    if (cp !== undefined && s.length === (cp > 0xffff ? 2 : 1)) return cp;
  }
  throw typeError(`${fname}() argument${position} must be a unicode character, not ${typeName(x)}`);
}

function strArg(fname: string, x: PyObject, position: number): string {
  if (isStr(x)) return strValue(x);
  throw typeError(`${fname}() argument ${position} must be str, not ${typeName(x)}`);
}

function noKeywords(qualname: string, kwnames: readonly string[] | null): void {
  if (kwnames !== null && kwnames.length) throw typeError(`${qualname}() takes no keyword arguments`);
}

/** f(chr): exactly one positional argument. */
function oneChar(name: string, f: (db: UnicodeDatabase, cp: number) => PyObject): DbFunction {
  return (db, args, qualname) => {
    arity(qualname, args, null, 1);
    return f(db, charArg(name, args[0], ""));
  };
}

/** f(chr, default=<none>): raises ValueError(message) when the value is missing and no default was given. */
function charWithDefault(name: string, message: string, f: (db: UnicodeDatabase, cp: number) => PyObject | undefined): DbFunction {
  return (db, args) => {
    arity(name, args, null, 1, 2);
    const value = f(db, charArg(name, args[0], " 1"));
    if (value !== undefined) return value;
    if (args.length > 1) return args[1];
    throw valueError(message);
  };
}

function formArg(form: string): NormalForm {
  if (form === "NFC" || form === "NFD" || form === "NFKC" || form === "NFKD") return form;
  throw valueError("invalid normalization form");
}

/** The lookup() name as UTF-8 bytes decoded back to a JS string (str arguments must encode). */
function nameArg(x: PyObject): string {
  if (isStr(x)) {
    const s = strValue(x);
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(s);
    if (lone) {
      const pos = [...s.slice(0, lone.index)].length;
      throw newException(UnicodeEncodeErrorType, ["utf-8", x, pos, pos + 1, "surrogates not allowed"]);
    }
    return s;
  }
  if (x instanceof PyBytes) return new TextDecoder().decode(x.data);
  if (x instanceof PyByteArray) {
    throw typeError(`lookup() argument must be read-only bytes-like object, not ${typeName(x)}`);
  }
  throw typeError(`a bytes-like object is required, not '${typeName(x)}'`);
}

/** unicodedata.lookup for the 3.2.0 view: no aliases, no named sequences, no characters added since. */
function lookup32(db: UnicodeDatabase, name: string): string | null {
  if (name.startsWith(HANGUL_PREFIX) || name.startsWith(CJK_PREFIX)) {
    // CPython derives these names without consulting the 3.2.0 records.
    const cp = lookupCodePoint(name);
    return cp === null ? null : String.fromCodePoint(cp);
  }
  const cp = lookupCodePoint(name);
  if (cp === null || db.isNewer(cp)) return null;
  const own = nameOf(cp);
  if (own === null || own.toUpperCase() !== name.toUpperCase()) return null; // an alias
  return String.fromCodePoint(cp);
}

const lookup: DbFunction = (db, args, qualname) => {
  arity(qualname, args, null, 1);
  const name = nameArg(args[0]);
  if (Buffer.byteLength(name, "utf8") > NAME_MAXLEN) throw newException(KeyErrorType, "name too long");
  const found = db === ucd1500 ? lookupName(name) : lookup32(db, name);
  if (found === null) {
    // CPython formats the name as a C string: it ends at the first NUL.
    const shown = name.split("\0", 1)[0];
    throw newException(KeyErrorType, `undefined character name '${shown}'`);
  }
  return found;
};

/** unicodedata.normalize(form, unistr). */
const normalize: DbFunction = (db, args) => {
  arity("normalize", args, null, 2);
  const formText = strArg("normalize", args[0], 1);
  const s = strArg("normalize", args[1], 2);
  // The empty string is returned before the form is even validated, as in CPython.
  if (s.length === 0) return args[1];
  const form = formArg(formText);
  // Input the quick check proves normalized is returned itself (a str subclass stays one); the 3.2.0 view has no
  // quick check and always builds a new str.
  if (db === ucd1500 && isQuickCheckYes(form, s)) return args[1];
  return db.normalize(form, s);
};

const isNormalized: DbFunction = (db, args) => {
  arity("is_normalized", args, null, 2);
  const formText = strArg("is_normalized", args[0], 1);
  const s = strArg("is_normalized", args[1], 2);
  if (s.length === 0) return true;
  return db.isNormalized(formArg(formText), s);
};

const FUNCTIONS: Record<string, DbFunction> = {
  category: oneChar("category", (db, cp) => db.category(cp)),
  bidirectional: oneChar("bidirectional", (db, cp) => db.bidirectional(cp)),
  combining: oneChar("combining", (db, cp) => db.combining(cp)),
  east_asian_width: oneChar("east_asian_width", (db, cp) => db.eastAsianWidth(cp)),
  mirrored: oneChar("mirrored", (db, cp) => db.mirrored(cp)),
  decomposition: oneChar("decomposition", (db, cp) => db.decomposition(cp)),
  decimal: charWithDefault("decimal", "not a decimal", (db, cp) => {
    const v = db.decimal(cp);
    return v < 0 ? undefined : v;
  }),
  digit: charWithDefault("digit", "not a digit", (db, cp) => {
    const v = db.digit(cp);
    return v < 0 ? undefined : v;
  }),
  numeric: charWithDefault("numeric", "not a numeric character", (db, cp) => {
    const v = db.numeric(cp);
    return v === undefined ? undefined : new PyFloat(v);
  }),
  name: charWithDefault("name", "no such name", (db, cp) => (db.isNewer(cp) ? undefined : nameOf(cp) ?? undefined)),
  lookup,
  normalize,
  is_normalized: isNormalized,
};

/** Docstrings of the module functions, as CPython 3.12 has them. */
const DOCS: Record<string, string> = {
  category: "Returns the general category assigned to the character chr as string.",
  bidirectional: "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned.",
  combining: "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined.",
  east_asian_width: "Returns the east asian width assigned to the character chr as string.",
  mirrored: "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise.",
  decomposition: "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined.",
  decimal: "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.",
  digit: "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.",
  numeric: "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.",
  name: "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised.",
  lookup: "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised.",
  normalize: "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.",
  is_normalized: "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.",
};

const UCD_320 = new PyUCD(ucd320);

defStaticMethod(UCDType, "__new__", () => {
  throw typeError("cannot create 'unicodedata.UCD' instances");
});
defGetSet(UCDType, "unidata_version", (self) => (self as PyUCD).db.version);
for (const [name, f] of Object.entries(FUNCTIONS)) {
  defMethod(UCDType, name, (self, args, kwnames) => {
    noKeywords(`UCD.${name}`, kwnames);
    return f((self as PyUCD).db, args, `UCD.${name}`);
  });
}

function createModule() {
  const members: Record<string, PyObject> = {
    UCD: UCDType as PyType,
    ucd_3_2_0: UCD_320,
    unidata_version: ucd1500.version,
  };
  for (const [name, f] of Object.entries(FUNCTIONS)) {
    members[name] = builtinFunction(
      name,
      (args, kwnames) => {
        noKeywords(`unicodedata.${name}`, kwnames);
        return f(ucd1500, args, `unicodedata.${name}`);
      },
      "unicodedata",
      DOCS[name],
    );
  }
  return makeModule("unicodedata", members, MODULE_DOC);
}

const MODULE_DOC =
  "This module provides access to the Unicode Character Database which\n" +
  "defines character properties for all Unicode characters. The data in\n" +
  "this database is based on the UnicodeData.txt file version\n" +
  "15.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n" +
  "The module uses the same names and symbols as defined by the\n" +
  "UnicodeData File Format 15.0.0.";

registerNativeModule("unicodedata", createModule);

