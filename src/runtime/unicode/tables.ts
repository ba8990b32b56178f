// Lazily inflates and decodes the generated UCD blob into typed-array property tables (done once, on first use).
import { inflateSync } from "fflate";
import { UCD_BLOB } from "./data.generated";

/** Full case mappings of one code point whose casing does not fit a single delta. */
export interface ExtendedCase {
  readonly lower: readonly number[];
  readonly title: readonly number[];
  readonly upper: readonly number[];
  readonly fold: readonly number[];
}

/** A decomposition mapping: tag index into DECOMP_PREFIXES (0 = canonical) and the mapped code points. */
export interface Decomposition {
  readonly prefix: number;
  readonly chars: readonly number[];
}

/** All decoded tables; per-code-point data is reached through recordOf(). */
export interface UnicodeTables {
  readonly shift: number;
  readonly mask: number;
  readonly index1: Uint16Array;
  readonly index2: Uint16Array;
  readonly category: Uint8Array;
  readonly combining: Uint8Array;
  readonly bidi: Uint8Array;
  readonly mirrored: Uint8Array;
  readonly eastAsianWidth: Uint8Array;
  readonly flags: Uint16Array;
  readonly upper: Int32Array;
  readonly lower: Int32Array;
  readonly title: Int32Array;
  readonly decimal: Uint8Array;
  readonly digit: Uint8Array;
  readonly numericIndex: Uint16Array;
  /** Numeric value texts as in the UCD ("1/3", "1000000000000"), indexed by numericIndex (0 = none). */
  readonly numericText: readonly string[];
  readonly numericValue: Float64Array;
  readonly extended: ReadonlyMap<number, ExtendedCase>;
  readonly decompositions: ReadonlyMap<number, Decomposition>;
  /** Canonical composition pairs: key first * 0x110000 + second -> primary composite. */
  readonly compositions: ReadonlyMap<number, number>;
  /** Code points that start at least one composition pair. */
  readonly compositionFirsts: ReadonlySet<number>;
  /** Flags of U+0000..U+00FF, the hot path of str methods. */
  readonly latin1Flags: Uint16Array;
}

/** Reads the LEB128 / zigzag varints written by gen/binary.ts. */
class ByteReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  uint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.pos++];
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
  }

  int(): number {
    const u = this.uint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  array(): number[] {
    const n = this.uint();
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = this.uint();
    return out;
  }

  into<T extends Uint8Array | Uint16Array | Int32Array>(make: (n: number) => T, signed: boolean): T {
    const n = this.uint();
    const out = make(n);
    for (let i = 0; i < n; i++) out[i] = signed ? this.int() : this.uint();
    return out;
  }

  string(): string {
    const n = this.uint();
    const s = Buffer.from(this.bytes.subarray(this.pos, this.pos + n)).toString("utf8");
    this.pos += n;
    return s;
  }
}

let tables: UnicodeTables | undefined;

/** The decoded tables, built on first call. */
export function getTables(): UnicodeTables {
  return tables ?? (tables = decode());
}

function parseNumeric(text: string): number {
  const slash = text.indexOf("/");
  return slash < 0 ? Number(text) : Number(text.slice(0, slash)) / Number(text.slice(slash + 1));
}

function decode(): UnicodeTables {
  const r = new ByteReader(inflateSync(Buffer.from(UCD_BLOB, "base64")));
  const shift = r.uint();
  const index1 = r.into((n) => new Uint16Array(n), false);
  const index2 = r.into((n) => new Uint16Array(n), false);
  r.uint(); // record count, implied by the column lengths
  const u8 = (n: number): Uint8Array => new Uint8Array(n);
  const category = r.into(u8, true);
  const combining = r.into(u8, true);
  const bidi = r.into(u8, true);
  const mirrored = r.into(u8, true);
  const eastAsianWidth = r.into(u8, true);
  const flags = r.into((n) => new Uint16Array(n), true);
  const upper = r.into((n) => new Int32Array(n), true);
  const lower = r.into((n) => new Int32Array(n), true);
  const title = r.into((n) => new Int32Array(n), true);
  const decimal = r.into(u8, true);
  const digit = r.into(u8, true);
  const numericIndex = r.into((n) => new Uint16Array(n), true);
  const extended = decodeExtended(r);
  const decompositions = decodeDecompositions(r);
  const exclusions = new Set(r.array());
  const numericText = r.string().split(";");
  const base = {
    shift, mask: (1 << shift) - 1, index1, index2, category, combining, bidi, mirrored, eastAsianWidth, flags,
    upper, lower, title, decimal, digit, numericIndex, numericText,
    numericValue: Float64Array.from(numericText, (t) => (t ? parseNumeric(t) : -1)),
    extended, decompositions,
  };
  const recordOfCp = (cp: number): number => index2[(index1[cp >> shift] << shift) + (cp & base.mask)];
  const compositions = buildCompositions(decompositions, exclusions, (cp) => combining[recordOfCp(cp)]);
  const compositionFirsts = new Set(Array.from(compositions.keys(), (k) => Math.floor(k / 0x110000)));
  const latin1Flags = Uint16Array.from({ length: 256 }, (_, cp) => flags[recordOfCp(cp)]);
  return { ...base, compositions, compositionFirsts, latin1Flags };
}

function decodeExtended(r: ByteReader): Map<number, ExtendedCase> {
  const map = new Map<number, ExtendedCase>();
  const n = r.uint();
  for (let i = 0; i < n; i++) {
    const cp = r.uint();
    map.set(cp, { lower: r.array(), title: r.array(), upper: r.array(), fold: r.array() });
  }
  return map;
}

function decodeDecompositions(r: ByteReader): Map<number, Decomposition> {
  const map = new Map<number, Decomposition>();
  const n = r.uint();
  r.uint(); // flat array length
  for (let i = 0; i < n; i++) {
    const cp = r.uint();
    const prefix = r.uint();
    const len = r.uint();
    const chars = new Array<number>(len);
    for (let k = 0; k < len; k++) chars[k] = r.uint();
    map.set(cp, { prefix, chars });
  }
  return map;
}

/**
 * Primary composites, derived the way CPython does: canonical two-character decompositions whose first
 * character is a starter and which are not listed in CompositionExclusions.txt.
 */
function buildCompositions(
  decompositions: ReadonlyMap<number, Decomposition>, exclusions: ReadonlySet<number>,
  combiningOf: (cp: number) => number,
): Map<number, number> {
  const pairs = new Map<number, number>();
  for (const [cp, d] of decompositions) {
    if (d.prefix !== 0 || d.chars.length !== 2 || exclusions.has(cp)) continue;
    if (combiningOf(d.chars[0]) !== 0) continue;
    pairs.set(d.chars[0] * 0x110000 + d.chars[1], cp);
  }
  return pairs;
}

/** Record index of a code point (0 <= cp < 0x110000). */
export function recordOf(t: UnicodeTables, cp: number): number {
  return t.index2[(t.index1[cp >> t.shift] << t.shift) + (cp & t.mask)];
}
