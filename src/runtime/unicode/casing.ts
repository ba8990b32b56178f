// Whole-string str methods (case mappings, is* predicates) as CPython's Objects/unicodeobject.c implements them.
import { CaseKind, flagsOf, isCased, isCaseIgnorable, isXidContinue, isXidStart, pushCaseMapping } from "./ctype";
import { TypeFlag } from "./names";
import { fromCodePoints, toCodePoints } from "./codepoints";
import { getTables } from "./tables";

const CAPITAL_SIGMA = 0x3a3;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Lowercase of U+03A3 at index i: final sigma U+03C2 when preceded by a cased letter and not followed by one
 * (case-ignorable characters in between are skipped), as CPython's handle_capital_sigma decides.
 */
function sigmaAt(cps: readonly number[], i: number): number {
  let j = i - 1;
  while (j >= 0 && isCaseIgnorable(cps[j])) j--;
  let finalSigma = j >= 0 && isCased(cps[j]);
  if (finalSigma && i + 1 < cps.length) {
    j = i + 1;
    while (j < cps.length && isCaseIgnorable(cps[j])) j++;
    finalSigma = j === cps.length || !isCased(cps[j]);
  }
  return finalSigma ? 0x3c2 : 0x3c3;
}

/** CPython's lower_ucs4: full lowercase, with the final-sigma rule for U+03A3. */
function pushLower(out: number[], cps: readonly number[], i: number): void {
  const c = cps[i];
  if (c === CAPITAL_SIGMA) out.push(sigmaAt(cps, i));
  else pushCaseMapping(out, c, CaseKind.Lower);
}

function mapString(s: string, each: (out: number[], cps: readonly number[], i: number) => void): string {
  const cps = toCodePoints(s);
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) each(out, cps, i);
  return fromCodePoints(out);
}

const isAsciiLetter = (c: number): boolean => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
const asciiLower = (c: number): number => (isAsciiLetter(c) ? c | 0x20 : c);
const asciiUpper = (c: number): number => (isAsciiLetter(c) ? c & ~0x20 : c);

/** Maps each code unit of an ASCII string (the fast path of title/capitalize/swapcase). */
function asciiMap(s: string, f: (c: number, i: number) => number): string {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = f(s.charCodeAt(i), i);
  return fromCodePoints(out);
}

/**
 * One full case mapping over a whole string, in one tight loop over the tables (the hot path of lower(), upper()
 * and casefold()). The code point array is only built when a capital sigma needs its context.
 */
function mapCase(s: string, kind: CaseKind): string {
  const t = getTables();
  const { index1, index2, shift, mask, flags } = t;
  const delta = kind === CaseKind.Upper ? t.upper : kind === CaseKind.Title ? t.title : t.lower;
  const out: number[] = [];
  let cps: number[] | undefined;
  for (let i = 0, cpIndex = 0; i < s.length; i++, cpIndex++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cp = ((cp - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (cp === CAPITAL_SIGMA && kind === CaseKind.Lower) {
      cps ??= toCodePoints(s);
      out.push(sigmaAt(cps, cpIndex));
      continue;
    }
    const rec = index2[(index1[cp >> shift] << shift) + (cp & mask)];
    if (flags[rec] & TypeFlag.ExtendedCase) pushCaseMapping(out, cp, kind);
    else out.push(cp + delta[rec]);
  }
  return fromCodePoints(out);
}

/** str.lower(). */
export function strLower(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  return mapCase(s, CaseKind.Lower);
}

/** str.upper() with full mappings ('ß'.upper() == 'SS'). */
export function strUpper(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toUpperCase();
  return mapCase(s, CaseKind.Upper);
}

/** str.casefold(). */
export function strCasefold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  return mapCase(s, CaseKind.Fold);
}

/** str.capitalize(): titlecase of the first character, lowercase of the rest. */
export function strCapitalize(s: string): string {
  if (ASCII_ONLY.test(s)) return asciiMap(s, (c, i) => (i === 0 ? asciiUpper(c) : asciiLower(c)));
  return mapString(s, (out, cps, i) => (i === 0 ? pushCaseMapping(out, cps[0], CaseKind.Title) : pushLower(out, cps, i)));
}

/** str.swapcase(): uppercase characters are lowered, lowercase ones uppered, the rest kept. */
export function strSwapcase(s: string): string {
  if (ASCII_ONLY.test(s)) return asciiMap(s, (c) => (isAsciiLetter(c) ? c ^ 0x20 : c));
  return mapString(s, (out, cps, i) => {
    const f = flagsOf(cps[i]);
    if (f & TypeFlag.Upper) pushLower(out, cps, i);
    else if (f & TypeFlag.Lower) pushCaseMapping(out, cps[i], CaseKind.Upper);
    else out.push(cps[i]);
  });
}

/** str.title(): titlecase after an uncased character, lowercase after a cased one. */
export function strTitle(s: string): string {
  let previousIsCased = false;
  if (ASCII_ONLY.test(s)) {
    // In ASCII exactly the letters are cased.
    return asciiMap(s, (c) => {
      const mapped = previousIsCased ? asciiLower(c) : asciiUpper(c);
      previousIsCased = isAsciiLetter(c);
      return mapped;
    });
  }
  return mapString(s, (out, cps, i) => {
    if (previousIsCased) pushLower(out, cps, i);
    else pushCaseMapping(out, cps[i], CaseKind.Title);
    previousIsCased = isCased(cps[i]);
  });
}

/** True if every code point of s has one of the given flags (surrogate pairs decoded in place, no allocation). */
function everyHas(s: string, flags: number): boolean {
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cp = ((cp - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if ((flagsOf(cp) & flags) === 0) return false;
  }
  return true;
}

/** True if s is non-empty and every code point has one of the given flags. */
function allHave(s: string, flags: number): boolean {
  return s.length !== 0 && everyHas(s, flags);
}

/** str.isalpha(). */
export const strIsAlpha = (s: string): boolean => allHave(s, TypeFlag.Alpha);
/** str.isdecimal(). */
export const strIsDecimal = (s: string): boolean => allHave(s, TypeFlag.Decimal);
/** str.isdigit(). */
export const strIsDigit = (s: string): boolean => allHave(s, TypeFlag.Digit);
/** str.isnumeric(). */
export const strIsNumeric = (s: string): boolean => allHave(s, TypeFlag.Numeric);
/** str.isalnum(). */
export const strIsAlnum = (s: string): boolean =>
  allHave(s, TypeFlag.Alpha | TypeFlag.Decimal | TypeFlag.Digit | TypeFlag.Numeric);
/** str.isspace(). */
export const strIsSpace = (s: string): boolean => allHave(s, TypeFlag.Space);

/** str.isprintable() (true for the empty string). */
export function strIsPrintable(s: string): boolean {
  return everyHas(s, TypeFlag.Printable);
}

/** str.islower(): no uppercase or titlecase character, and at least one lowercase one. */
export function strIsLower(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 1) return (flagsOf(cps[0]) & TypeFlag.Lower) !== 0;
  let cased = false;
  for (const cp of cps) {
    const f = flagsOf(cp);
    if (f & (TypeFlag.Upper | TypeFlag.Title)) return false;
    if (f & TypeFlag.Lower) cased = true;
  }
  return cased;
}

/** str.isupper(): no lowercase or titlecase character, and at least one uppercase one. */
export function strIsUpper(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 1) return (flagsOf(cps[0]) & TypeFlag.Upper) !== 0;
  let cased = false;
  for (const cp of cps) {
    const f = flagsOf(cp);
    if (f & (TypeFlag.Lower | TypeFlag.Title)) return false;
    if (f & TypeFlag.Upper) cased = true;
  }
  return cased;
}

/** str.istitle(): upper/titlecase characters only after uncased ones, lowercase only after cased ones. */
export function strIsTitle(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 1) return (flagsOf(cps[0]) & (TypeFlag.Title | TypeFlag.Upper)) !== 0;
  let cased = false;
  let previousIsCased = false;
  for (const cp of cps) {
    const f = flagsOf(cp);
    if (f & (TypeFlag.Upper | TypeFlag.Title)) {
      if (previousIsCased) return false;
      previousIsCased = cased = true;
    } else if (f & TypeFlag.Lower) {
      if (!previousIsCased) return false;
      previousIsCased = cased = true;
    } else {
      previousIsCased = false;
    }
  }
  return cased;
}

/** Whether cp may start an identifier (XID_Start or '_'). */
export const isIdentifierStart = (cp: number): boolean => cp === 0x5f || isXidStart(cp);
/** Whether cp may continue an identifier (XID_Continue). */
export const isIdentifierContinue = (cp: number): boolean => isXidContinue(cp);

/** str.isidentifier() (no NFKC normalization, as in CPython). */
export function strIsIdentifier(s: string): boolean {
  const cps = toCodePoints(s);
  if (cps.length === 0 || !isIdentifierStart(cps[0])) return false;
  for (let i = 1; i < cps.length; i++) if (!isXidContinue(cps[i])) return false;
  return true;
}
