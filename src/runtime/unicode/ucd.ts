// The two databases unicodedata exposes: Unicode 15.0.0 (module functions) and the frozen 3.2.0 view (ucd_3_2_0).
//
// The 3.2.0 view follows CPython's change-record model: code points assigned after 3.2.0 read as unassigned in
// the properties CPython patches (category, bidirectional, width, mirrored, combining, decimal, numeric,
// decomposition, normalization, names), a few hundred records carry their 3.2.0 values, and six CJK compatibility
// ideographs decompose as before Corrigenda 3 and 4. digit() is not patched, as in CPython.
import { bidirectional, category, combining, decomposition, eastAsianWidth, mirrored } from "./database";
import { decimalValue, digitValue, numericValue } from "./ctype";
import { UCD32_BLOB } from "./data.generated";
import { BIDI_NAMES, CATEGORY_NAMES, EAW_NAMES, UNIDATA_VERSION } from "./names";
import { isNormalized, normalize, type LegacyNormalization, type NormalForm } from "./normalize";
import { reader } from "./tables";

/** What unicodedata (and a UCD object) needs from a Unicode database; all functions take a code point. */
export interface UnicodeDatabase {
  readonly version: string;
  category(cp: number): string;
  bidirectional(cp: number): string;
  combining(cp: number): number;
  eastAsianWidth(cp: number): string;
  mirrored(cp: number): number;
  decomposition(cp: number): string;
  /** Decimal value or -1. */
  decimal(cp: number): number;
  /** Digit value or -1. */
  digit(cp: number): number;
  /** Numeric value, or undefined. */
  numeric(cp: number): number | undefined;
  /** Whether cp is unassigned in this version although assigned in 15.0 (its name is then unknown too). */
  isNewer(cp: number): boolean;
  normalize(form: NormalForm, s: string): string;
  isNormalized(form: NormalForm, s: string): boolean;
}

/** The Unicode 15.0.0 database (CPython 3.12's unicodedata module functions). */
export const ucd1500: UnicodeDatabase = {
  version: UNIDATA_VERSION,
  category, bidirectional, combining, eastAsianWidth, mirrored, decomposition,
  decimal: decimalValue,
  digit: digitValue,
  numeric: numericValue,
  isNewer: () => false,
  normalize: (form, s) => normalize(form, s),
  isNormalized: (form, s) => isNormalized(form, s),
};

/** Fields of a 3.2.0 change record; undefined means "same as 15.0". */
interface Change {
  category?: string;
  bidi?: string;
  eaw?: string;
  mirrored?: number;
  decimal?: number;
  /** null: had no numeric value in 3.2.0. */
  numeric?: number | null;
}

interface Ucd32Tables {
  /** Sorted (start, length) runs of code points assigned after 3.2.0. */
  readonly newerRuns: readonly number[];
  readonly changes: ReadonlyMap<number, Change>;
  readonly corrections: ReadonlyMap<number, number>;
}

let ucd32: Ucd32Tables | undefined;

function tables32(): Ucd32Tables {
  if (ucd32) return ucd32;
  const r = reader(UCD32_BLOB);
  const newerRuns = r.array();
  const flat = r.array();
  const numerics = r.string().split(";");
  const changes = new Map<number, Change>();
  let numericAt = 0;
  // Records of 7: cp, then category, bidi, width, mirrored, decimal (each value + 1, 0 = unchanged), numeric flag.
  for (let i = 0; i < flat.length; i += 7) {
    const c: Change = {};
    if (flat[i + 1]) c.category = CATEGORY_NAMES[flat[i + 1] - 1];
    if (flat[i + 2]) c.bidi = BIDI_NAMES[flat[i + 2] - 1];
    if (flat[i + 3]) c.eaw = EAW_NAMES[flat[i + 3] - 1];
    if (flat[i + 4]) c.mirrored = flat[i + 4] - 1;
    if (flat[i + 5]) c.decimal = flat[i + 5] - 1;
    if (flat[i + 6]) {
      const text = numerics[numericAt++];
      c.numeric = text === "None" ? null : Number(text);
    }
    changes.set(flat[i], c);
  }
  const pairs = r.array();
  const corrections = new Map<number, number>();
  for (let i = 0; i < pairs.length; i += 2) corrections.set(pairs[i], pairs[i + 1]);
  return (ucd32 = { newerRuns, changes, corrections });
}

/** Binary search over the (start, length) runs. */
function isNewer32(cp: number): boolean {
  const runs = tables32().newerRuns;
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = runs[2 * mid];
    if (cp < start) hi = mid - 1;
    else if (cp >= start + runs[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const change32 = (cp: number): Change | undefined => tables32().changes.get(cp);

const LEGACY_3_2: LegacyNormalization = {
  isUnassigned: isNewer32,
  correction: (cp) => tables32().corrections.get(cp) ?? 0,
};

/** The Unicode 3.2.0 view (unicodedata.ucd_3_2_0), used by stringprep and the idna codec. */
export const ucd320: UnicodeDatabase = {
  version: "3.2.0",
  category: (cp) => (isNewer32(cp) ? "Cn" : change32(cp)?.category ?? category(cp)),
  bidirectional: (cp) => (isNewer32(cp) ? "" : change32(cp)?.bidi ?? bidirectional(cp)),
  combining: (cp) => (isNewer32(cp) ? 0 : combining(cp)),
  eastAsianWidth: (cp) => (isNewer32(cp) ? EAW_NAMES[0] : change32(cp)?.eaw ?? eastAsianWidth(cp)),
  mirrored: (cp) => (isNewer32(cp) ? 0 : change32(cp)?.mirrored ?? mirrored(cp)),
  decomposition: (cp) => (isNewer32(cp) ? "" : decomposition(cp)),
  decimal: (cp) => (isNewer32(cp) ? -1 : change32(cp)?.decimal ?? decimalValue(cp)),
  digit: digitValue,
  numeric: (cp) => {
    if (isNewer32(cp)) return undefined;
    const old = change32(cp)?.numeric;
    return old === undefined ? numericValue(cp) : old ?? undefined;
  },
  isNewer: isNewer32,
  normalize: (form, s) => normalize(form, s, LEGACY_3_2),
  isNormalized: (form, s) => isNormalized(form, s, LEGACY_3_2),
};
