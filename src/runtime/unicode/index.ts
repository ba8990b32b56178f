// Public API of the Unicode 15.0.0 character database (what CPython 3.12's str methods and unicodedata see).
//
// Everything works on code points (numbers 0..0x10FFFF) or on JS strings; whole-string functions read a
// surrogate pair as one code point and a lone surrogate as itself. Tables are decoded on first use (a few ms).

export { UNIDATA_VERSION } from "./names";

// Character types (Objects/unicodectype.c). Each takes a code point.
export {
  /** str.isalpha for one character: general category Lm, Lt, Lu, Ll or Lo. */
  isAlpha,
  /** str.isdecimal for one character: has a decimal digit value (category Nd). */
  isDecimal,
  /** str.isdigit for one character: has a digit value (decimals, superscripts, circled digits...). */
  isDigit,
  /** str.isnumeric for one character: has a numeric value (including Unihan numeric ideographs). */
  isNumeric,
  /** str.isalnum for one character: alpha, decimal, digit or numeric. */
  isAlnum,
  /** Py_UNICODE_ISSPACE: bidirectional class WS, B or S, or category Zs (str.split/strip whitespace). */
  isSpace,
  /** Lowercase property (DerivedCoreProperties.txt). */
  isLower,
  /** Uppercase property (DerivedCoreProperties.txt). */
  isUpper,
  /** Titlecase letter (category Lt). */
  isTitle,
  /** Printable for repr(): not in categories C* or Z*, except U+0020 SPACE. */
  isPrintable,
  /** str.splitlines boundary: line break class BK, CR, LF or NL, or bidirectional class B. */
  isLinebreak,
  /** Cased property (used by title() and the final-sigma rule). */
  isCased,
  /** Case_Ignorable property (used by the final-sigma rule). */
  isCaseIgnorable,
  /** XID_Start property. */
  isXidStart,
  /** XID_Continue property. */
  isXidContinue,
  /** Decimal digit value 0..9, or -1 (unicodedata.decimal / int() digits). */
  decimalValue,
  /** Digit value 0..9, or -1 (unicodedata.digit). */
  digitValue,
  /** Numeric value as a double, or undefined (unicodedata.numeric('⅓') == 1/3). */
  numericValue,
  /** The UCD text of the numeric value ("1/3"), or undefined. */
  numericText,
  /** Full lowercase mapping of one code point (no final-sigma context; use strLower for strings). */
  toLowerFull,
  /** Full uppercase mapping of one code point. */
  toUpperFull,
  /** Full titlecase mapping of one code point. */
  toTitleFull,
  /** Full case folding of one code point (CaseFolding.txt C + F). */
  toFoldedFull,
  /** One-code-point lowercase (Py_UNICODE_TOLOWER, as the re module's IGNORECASE uses). */
  toLowerSimple,
  /** One-code-point uppercase (Py_UNICODE_TOUPPER). */
  toUpperSimple,
  /** One-code-point titlecase (Py_UNICODE_TOTITLE). */
  toTitleSimple,
  /** Raw flag bits (TypeFlag) of a code point, for callers testing several properties at once. */
  flagsOf,
} from "./ctype";
export { TypeFlag } from "./names";

// unicodedata database properties. Each takes a code point.
export {
  /** unicodedata.category: general category, "Cn" when unassigned. */
  category,
  /** unicodedata.bidirectional: bidi class, "" when unassigned. */
  bidirectional,
  /** unicodedata.combining: canonical combining class. */
  combining,
  /** unicodedata.east_asian_width. */
  eastAsianWidth,
  /** unicodedata.mirrored: 1 or 0. */
  mirrored,
  /** unicodedata.decomposition: e.g. "<compat> 0020 0308", "" when none. */
  decomposition,
} from "./database";

// Normalization.
export {
  /** unicodedata.normalize(form, s). */
  normalize,
  /** unicodedata.is_normalized(form, s). */
  isNormalized,
  /** Whether the quick check alone proves s normalized (CPython then returns the very same str object). */
  isQuickCheckYes,
  /** normalize over an array of code points. */
  normalizeCodePoints,
  type NormalForm,
  type LegacyNormalization,
} from "./normalize";

export {
  /** Code points of a JS string (lone surrogates kept). */
  toCodePoints,
  /** JS string of code points. */
  fromCodePoints,
} from "./codepoints";

// Whole-string str methods, exactly as CPython 3.12 computes them.
export {
  /** str.lower (full mappings, final sigma). */
  strLower,
  /** str.upper (full mappings). */
  strUpper,
  /** str.casefold. */
  strCasefold,
  /** str.capitalize (first char titlecased, rest lowered). */
  strCapitalize,
  /** str.swapcase. */
  strSwapcase,
  /** str.title. */
  strTitle,
  /** str.isalpha. */
  strIsAlpha,
  /** str.isdecimal. */
  strIsDecimal,
  /** str.isdigit. */
  strIsDigit,
  /** str.isnumeric. */
  strIsNumeric,
  /** str.isalnum. */
  strIsAlnum,
  /** str.isspace. */
  strIsSpace,
  /** str.isprintable. */
  strIsPrintable,
  /** str.islower. */
  strIsLower,
  /** str.isupper. */
  strIsUpper,
  /** str.istitle. */
  strIsTitle,
  /** str.isidentifier. */
  strIsIdentifier,
  /** Identifier start: XID_Start or '_'. */
  isIdentifierStart,
  /** Identifier continuation: XID_Continue. */
  isIdentifierContinue,
} from "./casing";

// The databases as objects (unicodedata's module functions and unicodedata.ucd_3_2_0).
export {
  /** Unicode 15.0.0, the unicodedata module-level functions. */
  ucd1500,
  /** Unicode 3.2.0 as CPython's ucd_3_2_0 reports it (stringprep, idna). */
  ucd320,
  type UnicodeDatabase,
} from "./ucd";
