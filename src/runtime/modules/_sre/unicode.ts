// Character predicates and case mappings exactly as _sre uses them (ASCII, locale and Unicode flavours).
import { ALNUM_RANGES, DECIMAL_RANGES, LINEBREAK_RANGES, LOWER_RUNS, SPACE_RANGES, UPPER_RUNS } from "./unicode_data";

/** Char codes the engine tests directly. */
export enum Ch {
  TAB = 0x09,
  LF = 0x0a,
  CR = 0x0d,
  SPACE = 0x20,
  DIGIT_0 = 0x30,
  DIGIT_9 = 0x39,
  UPPER_A = 0x41,
  UPPER_Z = 0x5a,
  UNDERSCORE = 0x5f,
  LOWER_A = 0x61,
  LOWER_Z = 0x7a,
}

const BMP = 0x10000;

// ---- ASCII (the default for bytes patterns and for str patterns with re.ASCII) ----

export function asciiIsDigit(ch: number): boolean {
  return ch >= Ch.DIGIT_0 && ch <= Ch.DIGIT_9;
}

/** Py_ISSPACE: space, \t \n \v \f \r. */
export function asciiIsSpace(ch: number): boolean {
  return ch === Ch.SPACE || (ch >= Ch.TAB && ch <= Ch.CR);
}

export function asciiIsAlpha(ch: number): boolean {
  return (ch >= Ch.LOWER_A && ch <= Ch.LOWER_Z) || (ch >= Ch.UPPER_A && ch <= Ch.UPPER_Z);
}

export function asciiIsWord(ch: number): boolean {
  return asciiIsAlpha(ch) || asciiIsDigit(ch) || ch === Ch.UNDERSCORE;
}

export function asciiLower(ch: number): number {
  return ch >= Ch.UPPER_A && ch <= Ch.UPPER_Z ? ch + 32 : ch;
}

export function asciiUpper(ch: number): number {
  return ch >= Ch.LOWER_A && ch <= Ch.LOWER_Z ? ch - 32 : ch;
}

// ---- LOCALE (bytes patterns with re.LOCALE) ----
// CPython calls the C library's tolower/toupper/isalnum for bytes < 256. pypack runs as a UTF-8 locale process, where the
// C library classifies only ASCII bytes (bytes 0x80-0xFF are not characters on their own), so locale == ASCII here.

export function localeLower(ch: number): number {
  return ch < 256 ? asciiLower(ch) : ch;
}

export function localeUpper(ch: number): number {
  return ch < 256 ? asciiUpper(ch) : ch;
}

export function localeIsWord(ch: number): boolean {
  return ch < 256 && asciiIsWord(ch);
}

// ---- Unicode ----

enum UniBit {
  ALNUM = 1,
  DECIMAL = 2,
  SPACE = 4,
  LINEBREAK = 8,
}

let bmpFlags: Uint8Array | null = null;
let bmpLower: Uint16Array | null = null;
let bmpUpper: Uint16Array | null = null;

function markRanges(table: Uint8Array, ranges: readonly number[], bit: number): void {
  for (let i = 0; i < ranges.length; i += 2) {
    const end = Math.min(ranges[i + 1], BMP);
    for (let c = ranges[i]; c < end; c++) table[c] |= bit;
  }
}

/** Builds the BMP property table on first use (64 KiB; O(1) lookups for the common case). */
function buildFlags(): Uint8Array {
  const t = new Uint8Array(BMP);
  markRanges(t, ALNUM_RANGES, UniBit.ALNUM);
  markRanges(t, DECIMAL_RANGES, UniBit.DECIMAL);
  markRanges(t, SPACE_RANGES, UniBit.SPACE);
  markRanges(t, LINEBREAK_RANGES, UniBit.LINEBREAK);
  bmpFlags = t;
  return t;
}

function buildCaseTable(runs: readonly number[]): Uint16Array {
  const t = new Uint16Array(BMP);
  for (let c = 0; c < BMP; c++) t[c] = c;
  for (let i = 0; i < runs.length; i += 4) {
    const [start, count, stride, delta] = [runs[i], runs[i + 1], runs[i + 2], runs[i + 3]];
    for (let k = 0; k < count; k++) {
      const c = start + k * stride;
      if (c < BMP) t[c] = c + delta;
    }
  }
  return t;
}

/** Binary search in sorted [start, end) pairs. */
function inRanges(ranges: readonly number[], ch: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ch < ranges[2 * mid]) hi = mid - 1;
    else if (ch >= ranges[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Maps an astral character through (start, count, stride, delta) runs. */
function mapRuns(runs: readonly number[], ch: number): number {
  for (let i = 0; i < runs.length; i += 4) {
    const start = runs[i];
    if (ch < start) break;
    const off = ch - start;
    const stride = runs[i + 2];
    if (off % stride === 0 && off / stride < runs[i + 1]) return ch + runs[i + 3];
  }
  return ch;
}

function uniFlags(ch: number): number {
  if (ch < BMP) return (bmpFlags ?? buildFlags())[ch];
  let f = 0;
  if (inRanges(ALNUM_RANGES, ch)) f |= UniBit.ALNUM;
  if (inRanges(DECIMAL_RANGES, ch)) f |= UniBit.DECIMAL;
  if (inRanges(SPACE_RANGES, ch)) f |= UniBit.SPACE;
  if (inRanges(LINEBREAK_RANGES, ch)) f |= UniBit.LINEBREAK;
  return f;
}

/** Py_UNICODE_ISDECIMAL (\d). */
export function uniIsDigit(ch: number): boolean {
  return (uniFlags(ch) & UniBit.DECIMAL) !== 0;
}

/** Py_UNICODE_ISSPACE (\s). */
export function uniIsSpace(ch: number): boolean {
  return (uniFlags(ch) & UniBit.SPACE) !== 0;
}

/** Py_UNICODE_ISLINEBREAK. */
export function uniIsLinebreak(ch: number): boolean {
  return (uniFlags(ch) & UniBit.LINEBREAK) !== 0;
}

/** Py_UNICODE_ISALNUM. */
export function uniIsAlnum(ch: number): boolean {
  return (uniFlags(ch) & UniBit.ALNUM) !== 0;
}

/** \w: alphanumeric or underscore. */
export function uniIsWord(ch: number): boolean {
  return ch < 128 ? asciiIsWord(ch) : (uniFlags(ch) & UniBit.ALNUM) !== 0;
}

/** _PyUnicode_ToLowercase: the simple (one character) lowercase mapping. */
export function uniLower(ch: number): number {
  if (ch < 128) return asciiLower(ch);
  if (ch < BMP) return (bmpLower ?? (bmpLower = buildCaseTable(LOWER_RUNS)))[ch];
  return mapRuns(LOWER_RUNS, ch);
}

/** _PyUnicode_ToUppercase: the simple uppercase mapping (first character of an expanding one). */
export function uniUpper(ch: number): number {
  if (ch < 128) return asciiUpper(ch);
  if (ch < BMP) return (bmpUpper ?? (bmpUpper = buildCaseTable(UPPER_RUNS)))[ch];
  return mapRuns(UPPER_RUNS, ch);
}

/** _sre.unicode_iscased. */
export function uniIsCased(ch: number): boolean {
  return ch !== uniLower(ch) || ch !== uniUpper(ch);
}

/** _sre.ascii_iscased. */
export function asciiIsCased(ch: number): boolean {
  return ch < 128 && asciiIsAlpha(ch);
}
