// unicodedata-style database properties of one code point: category, bidi class, combining class, width, decomposition.
import { BIDI_NAMES, CATEGORY_NAMES, DECOMP_PREFIXES, EAW_NAMES } from "./names";
import { getNormalizationTables, getTables, recordOf } from "./tables";

/** Record of cp; out-of-range values read as unassigned (record 0). */
function rec(cp: number): number {
  return cp >= 0 && cp < 0x110000 ? recordOf(getTables(), cp) : 0;
}

/** General category, "Cn" for unassigned code points. */
export function category(cp: number): string {
  return CATEGORY_NAMES[getTables().category[rec(cp)]];
}

/** Bidirectional class, "" for unassigned code points (as CPython 3.12 reports). */
export function bidirectional(cp: number): string {
  return BIDI_NAMES[getTables().bidi[rec(cp)]];
}

/** Canonical combining class (0 for starters and unassigned code points). */
export function combining(cp: number): number {
  return getTables().combining[rec(cp)];
}

/** East Asian width ("N" for code points EastAsianWidth.txt does not list). */
export function eastAsianWidth(cp: number): string {
  return EAW_NAMES[getTables().eastAsianWidth[rec(cp)]];
}

/** 1 if cp is a mirrored character in bidirectional text, else 0. */
export function mirrored(cp: number): number {
  return getTables().mirrored[rec(cp)];
}

/** The decomposition mapping as unicodedata.decomposition() prints it, e.g. "<compat> 0020 0308", or "". */
export function decomposition(cp: number): string {
  const d = getNormalizationTables().decompositions.get(cp);
  if (!d) return "";
  const hex = d.chars.map((c) => c.toString(16).toUpperCase().padStart(4, "0"));
  return d.prefix === 0 ? hex.join(" ") : `${DECOMP_PREFIXES[d.prefix]} ${hex.join(" ")}`;
}
