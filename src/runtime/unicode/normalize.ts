// Unicode normalization (NFC/NFD/NFKC/NFKD) with CPython's unicodedata algorithm over UCD 15.0.0 tables.
//
// Not String.prototype.normalize: Node's ICU carries a newer Unicode version, which decomposes and reorders
// characters that are unassigned (so left alone) in Unicode 15.0.
import { getNormalizationTables, getTables, recordOf } from "./tables";
import { fromCodePoints, toCodePoints } from "./codepoints";
import { combining } from "./database";

const enum Hangul {
  SBase = 0xac00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11a7,
  LCount = 19, VCount = 21, TCount = 28, NCount = 588, SCount = 11172,
}

/** The normalization forms unicodedata accepts. */
export type NormalForm = "NFC" | "NFD" | "NFKC" | "NFKD";

/**
 * Hooks for an older database (unicodedata.ucd_3_2_0): code points unassigned there do not decompose, and a few
 * decompositions were corrected since (NormalizationCorrections.txt).
 */
export interface LegacyNormalization {
  isUnassigned(cp: number): boolean;
  /** The old single-character decomposition of cp, or 0 if unchanged. */
  correction(cp: number): number;
}

/** Full canonical (or, with compat, compatibility) decomposition followed by canonical ordering. */
export function decompose(input: readonly number[], compat: boolean, legacy?: LegacyNormalization): number[] {
  const decomps = getNormalizationTables().decompositions;
  const out: number[] = [];
  const stack: number[] = [];
  for (const first of input) {
    stack.push(first);
    while (stack.length) {
      const code = stack.pop() as number;
      if (code >= Hangul.SBase && code < Hangul.SBase + Hangul.SCount) {
        const s = code - Hangul.SBase;
        out.push(Hangul.LBase + Math.floor(s / Hangul.NCount), Hangul.VBase + Math.floor((s % Hangul.NCount) / Hangul.TCount));
        if (s % Hangul.TCount) out.push(Hangul.TBase + (s % Hangul.TCount));
        continue;
      }
      if (legacy) {
        const old = legacy.correction(code);
        if (old) {
          stack.push(old);
          continue;
        }
      }
      const d = legacy?.isUnassigned(code) ? undefined : decomps.get(code);
      if (!d || (d.prefix !== 0 && !compat)) {
        out.push(code);
        continue;
      }
      for (let k = d.chars.length - 1; k >= 0; k--) stack.push(d.chars[k]);
    }
  }
  canonicalOrder(out);
  return out;
}

/** Stable insertion sort of each run of non-starters by combining class. */
function canonicalOrder(s: number[]): void {
  if (s.length < 2) return;
  let prev = combining(s[0]);
  for (let i = 1; i < s.length; i++) {
    const cur = combining(s[i]);
    if (prev === 0 || cur === 0 || prev <= cur) {
      prev = cur;
      continue;
    }
    let o = i - 1;
    for (;;) {
      const tmp = s[o + 1];
      s[o + 1] = s[o];
      s[o] = tmp;
      o--;
      if (o < 0) break;
      const pc = combining(s[o]);
      if (pc === 0 || pc <= cur) break;
    }
    prev = combining(s[i]);
  }
}

/** Canonical composition of a decomposed, canonically ordered sequence. */
export function compose(s: readonly number[]): number[] {
  const { compositions, compositionFirsts } = getNormalizationTables();
  const out: number[] = [];
  const skipped = new Set<number>();
  let i = 0;
  while (i < s.length) {
    if (skipped.has(i)) {
      i++;
      continue;
    }
    let code = s[i];
    if (code >= Hangul.LBase && code < Hangul.LBase + Hangul.LCount && i + 1 < s.length &&
        s[i + 1] >= Hangul.VBase && s[i + 1] < Hangul.VBase + Hangul.VCount) {
      code = Hangul.SBase + ((code - Hangul.LBase) * Hangul.VCount + (s[i + 1] - Hangul.VBase)) * Hangul.TCount;
      i += 2;
      if (i < s.length && s[i] > Hangul.TBase && s[i] < Hangul.TBase + Hangul.TCount) code += s[i++] - Hangul.TBase;
      out.push(code);
      continue;
    }
    if (!compositionFirsts.has(code)) {
      out.push(code);
      i++;
      continue;
    }
    // Combine with each following unblocked character that forms a primary composite.
    let comb = 0;
    for (let i1 = i + 1; i1 < s.length; i1++) {
      if (skipped.has(i1)) continue;
      const comb1 = combining(s[i1]);
      if (comb && (comb1 === 0 || comb >= comb1)) {
        if (comb1 === 0) break;
        continue; // blocked
      }
      const composite = compositions.get(code * 0x110000 + s[i1]);
      if (composite === undefined) {
        if (comb1 === 0) break;
        comb = comb1;
        continue;
      }
      code = composite;
      skipped.add(i1);
      if (!compositionFirsts.has(code)) break;
    }
    out.push(code);
    i++;
  }
  return out;
}

/** unicodedata.normalize over code points. */
export function normalizeCodePoints(form: NormalForm, input: readonly number[], legacy?: LegacyNormalization): number[] {
  const compat = form === "NFKC" || form === "NFKD";
  const d = decompose(input, compat, legacy);
  return form === "NFC" || form === "NFKC" ? compose(d) : d;
}

const enum QuickCheck { Yes, Maybe, No }

/**
 * CPython's is_normalized_quickcheck: No on a combining-class inversion or a character that cannot occur in the
 * form, Maybe if some character might, else Yes (s is certainly normalized). yesOnly: stop at the first non-Yes.
 */
function quickCheck(form: NormalForm, s: string, yesOnly: boolean): QuickCheck {
  const t = getTables();
  const shift = (form === "NFC" || form === "NFKC" ? 4 : 0) + (form === "NFKD" || form === "NFKC" ? 2 : 0);
  let result = QuickCheck.Yes;
  let prevCombining = 0;
  for (const cp of toCodePoints(s)) {
    const rec = recordOf(t, cp);
    const ccc = t.combining[rec];
    if (ccc && prevCombining > ccc) return QuickCheck.No;
    prevCombining = ccc;
    const qc = (t.quickCheck[rec] >> shift) & 3;
    if (qc === QuickCheck.Yes) continue;
    if (yesOnly) return QuickCheck.Maybe;
    if (qc === QuickCheck.No) return QuickCheck.No;
    result = QuickCheck.Maybe;
  }
  return result;
}

/** Whether CPython's quick check alone proves s normalized (then unicodedata.normalize returns s itself). */
export function isQuickCheckYes(form: NormalForm, s: string): boolean {
  return quickCheck(form, s, true) === QuickCheck.Yes;
}

/** unicodedata.normalize(form, s) for a JS string (legacy: the ucd_3_2_0 view, which has no quick check). */
export function normalize(form: NormalForm, s: string, legacy?: LegacyNormalization): string {
  // ASCII is invariant under every form.
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  if (!legacy && quickCheck(form, s, true) === QuickCheck.Yes) return s;
  return fromCodePoints(normalizeCodePoints(form, toCodePoints(s), legacy));
}

/** unicodedata.is_normalized(form, s). */
export function isNormalized(form: NormalForm, s: string, legacy?: LegacyNormalization): boolean {
  if (!legacy) {
    const qc = quickCheck(form, s, false);
    if (qc !== QuickCheck.Maybe) return qc === QuickCheck.Yes;
  }
  return normalize(form, s, legacy) === s;
}
