// Names and flag bits shared by the Unicode table generator and the runtime decoder (value order = stored index).

/** The Unicode version whose data the tables hold (CPython 3.12's unicodedata.unidata_version). */
export const UNIDATA_VERSION = "15.0.0";

/** General categories; index 0 ("Cn") is what unassigned code points report. */
export const CATEGORY_NAMES: readonly string[] = [
  "Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
  "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
];

/** Bidirectional classes; index 0 ("") is what CPython 3.12 reports for unassigned code points. */
export const BIDI_NAMES: readonly string[] = [
  "", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S",
  "WS", "ON", "LRI", "RLI", "FSI", "PDI",
];

/** East Asian widths; index 0 ("N") is the default for code points EastAsianWidth.txt does not list. */
export const EAW_NAMES: readonly string[] = ["N", "H", "W", "Na", "A", "F"];

/** Decomposition tags; index 0 ("") marks a canonical decomposition. */
export const DECOMP_PREFIXES: readonly string[] = [
  "", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>", "<isolated>", "<circle>", "<super>", "<sub>",
  "<vertical>", "<wide>", "<narrow>", "<small>", "<square>", "<fraction>", "<compat>",
];

/** Per-code-point flag bits, defined the way CPython's makeunicodedata.py derives them. */
export const enum TypeFlag {
  Alpha = 0x01,
  Decimal = 0x02,
  Digit = 0x04,
  Lower = 0x08,
  Linebreak = 0x10,
  Space = 0x20,
  Title = 0x40,
  Upper = 0x80,
  XidStart = 0x100,
  XidContinue = 0x200,
  Printable = 0x400,
  Numeric = 0x800,
  CaseIgnorable = 0x1000,
  Cased = 0x2000,
  ExtendedCase = 0x4000,
}
