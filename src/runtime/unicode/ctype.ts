// Per-code-point character types and case mappings, defined as CPython's Objects/unicodectype.c defines them.
import { TypeFlag } from "./names";
import { LATIN1_FLAGS } from "./data.generated";
import { getExtendedCase, getTables, recordOf, type ExtendedCase, type UnicodeTables } from "./tables";

/** Flag bits of a code point (Latin-1 answered from a 256-entry table, the rest through the two-level index). */
export function flagsOf(cp: number): number {
  if (cp < 256) return LATIN1_FLAGS[cp];
  if (cp >= 0x110000) return 0;
  const t = getTables();
  return t.flags[recordOf(t, cp)];
}

/** Whether any of the given flag bits is set for cp. */
function has(cp: number, flag: TypeFlag): boolean {
  return (flagsOf(cp) & flag) !== 0;
}

export const isAlpha = (cp: number): boolean => has(cp, TypeFlag.Alpha);
export const isDecimal = (cp: number): boolean => has(cp, TypeFlag.Decimal);
export const isDigit = (cp: number): boolean => has(cp, TypeFlag.Digit);
export const isNumeric = (cp: number): boolean => has(cp, TypeFlag.Numeric);
export const isAlnum = (cp: number): boolean =>
  has(cp, TypeFlag.Alpha | TypeFlag.Decimal | TypeFlag.Digit | TypeFlag.Numeric);
export const isSpace = (cp: number): boolean => has(cp, TypeFlag.Space);
export const isLower = (cp: number): boolean => has(cp, TypeFlag.Lower);
export const isUpper = (cp: number): boolean => has(cp, TypeFlag.Upper);
export const isTitle = (cp: number): boolean => has(cp, TypeFlag.Title);
export const isPrintable = (cp: number): boolean => has(cp, TypeFlag.Printable);
export const isLinebreak = (cp: number): boolean => has(cp, TypeFlag.Linebreak);
export const isCased = (cp: number): boolean => has(cp, TypeFlag.Cased);
export const isCaseIgnorable = (cp: number): boolean => has(cp, TypeFlag.CaseIgnorable);
export const isXidStart = (cp: number): boolean => has(cp, TypeFlag.XidStart);
export const isXidContinue = (cp: number): boolean => has(cp, TypeFlag.XidContinue);

/** Value 0..9 of a decimal digit (category Nd), or -1. */
export function decimalValue(cp: number): number {
  if (!isDecimal(cp)) return -1;
  const t = getTables();
  return t.decimal[recordOf(t, cp)];
}

/** Value 0..9 of a digit (decimal digits plus superscripts, circled digits, ...), or -1. */
export function digitValue(cp: number): number {
  if (!isDigit(cp)) return -1;
  const t = getTables();
  return t.digit[recordOf(t, cp)];
}

/** Numeric value (including Unihan numeric ideographs) as a double, or undefined if cp has none. */
export function numericValue(cp: number): number | undefined {
  if (!isNumeric(cp)) return undefined;
  const t = getTables();
  return t.numericValue[t.numericIndex[recordOf(t, cp)]];
}

/** The UCD text of cp's numeric value ("1/3", "-1/2", "1000000000000"), or undefined. */
export function numericText(cp: number): string | undefined {
  if (!isNumeric(cp)) return undefined;
  const t = getTables();
  return t.numericText[t.numericIndex[recordOf(t, cp)]];
}

type Mapping = "lower" | "upper" | "title";

function fullMapping(cp: number, which: Mapping): readonly number[] {
  if (cp >= 0x110000) return [cp];
  const t = getTables();
  const rec = recordOf(t, cp);
  if (t.flags[rec] & TypeFlag.ExtendedCase) return (getExtendedCase().get(cp) as ExtendedCase)[which];
  return [cp + t[which][rec]];
}

function simpleMapping(t: UnicodeTables, cp: number, which: Mapping): number {
  if (cp >= 0x110000) return cp;
  const rec = recordOf(t, cp);
  if (t.flags[rec] & TypeFlag.ExtendedCase) return (getExtendedCase().get(cp) as ExtendedCase)[which][0];
  return cp + t[which][rec];
}

/** Full lowercase mapping (SpecialCasing.txt unconditional rules), e.g. U+0130 -> [0x69, 0x307]. */
export const toLowerFull = (cp: number): readonly number[] => fullMapping(cp, "lower");
/** Full uppercase mapping, e.g. U+00DF 'ß' -> "SS". */
export const toUpperFull = (cp: number): readonly number[] => fullMapping(cp, "upper");
/** Full titlecase mapping, e.g. U+01C6 'ǆ' -> 'ǅ'. */
export const toTitleFull = (cp: number): readonly number[] => fullMapping(cp, "title");

/** Full case folding (CaseFolding.txt statuses C and F), falling back to the full lowercase mapping. */
export function toFoldedFull(cp: number): readonly number[] {
  if (cp >= 0x110000) return [cp];
  const t = getTables();
  const rec = recordOf(t, cp);
  if (t.flags[rec] & TypeFlag.ExtendedCase) return (getExtendedCase().get(cp) as ExtendedCase).fold;
  return [cp + t.lower[rec]];
}

/** Which full case mapping pushCaseMapping appends. */
export const enum CaseKind { Lower, Upper, Title, Fold }

/** Appends the full case mapping of cp to out without allocating (the hot loop of str.lower() and friends). */
export function pushCaseMapping(out: number[], cp: number, kind: CaseKind): void {
  if (cp >= 0x110000) {
    out.push(cp);
    return;
  }
  const t = getTables();
  const rec = recordOf(t, cp);
  if (t.flags[rec] & TypeFlag.ExtendedCase) {
    const e = getExtendedCase().get(cp) as ExtendedCase;
    const list = kind === CaseKind.Lower ? e.lower : kind === CaseKind.Upper ? e.upper : kind === CaseKind.Title ? e.title : e.fold;
    for (let k = 0; k < list.length; k++) out.push(list[k]);
    return;
  }
  out.push(cp + (kind === CaseKind.Upper ? t.upper[rec] : kind === CaseKind.Title ? t.title[rec] : t.lower[rec]));
}

/** Single-code-point lowercase as Py_UNICODE_TOLOWER gives it (first char of the full mapping). */
export const toLowerSimple = (cp: number): number => simpleMapping(getTables(), cp, "lower");
/** Single-code-point uppercase as Py_UNICODE_TOUPPER gives it. */
export const toUpperSimple = (cp: number): number => simpleMapping(getTables(), cp, "upper");
/** Single-code-point titlecase as Py_UNICODE_TOTITLE gives it. */
export const toTitleSimple = (cp: number): number => simpleMapping(getTables(), cp, "title");
