// Lazily inflates and decodes the generated UCD blobs into typed-array tables; each part is decoded on first use.
import { inflateRawSync } from "node:zlib";
import { CASE_BLOB, CORE_BLOB, DECOMP_BLOB } from "./data.generated";

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

/** Per-code-point properties: a two-level index into columns of unique records (recordOf); record 0 = unassigned. */
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
  /** Simple case deltas (mapping = cp + delta), valid when the ExtendedCase flag is clear. */
  readonly upper: Int32Array;
  readonly lower: Int32Array;
  readonly title: Int32Array;
  readonly decimal: Uint8Array;
  readonly digit: Uint8Array;
  readonly numericIndex: Uint16Array;
  /** Normalization quick checks, 2 bits each for NFD, NFKD, NFC, NFKC (0 yes, 1 maybe, 2 no). */
  readonly quickCheck: Uint8Array;
  /** Numeric value texts as in the UCD ("1/3", "1000000000000"), indexed by numericIndex (0 = none). */
  readonly numericText: readonly string[];
  readonly numericValue: Float64Array;
}

/** Decomposition and canonical composition data (only normalization and unicodedata.decomposition need it). */
export interface NormalizationTables {
  readonly decompositions: ReadonlyMap<number, Decomposition>;
  /** Canonical composition pairs: key first * 0x110000 + second -> primary composite. */
  readonly compositions: ReadonlyMap<number, number>;
  /** Code points that start at least one composition pair. */
  readonly compositionFirsts: ReadonlySet<number>;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reads the LEB128 / zigzag varints and fixed uint16 arrays written by gen/binary.ts. */
export class ByteReader {
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

  signedInto<T extends Uint8Array | Uint16Array | Int32Array>(make: (n: number) => T): T {
    const n = this.uint();
    const out = make(n);
    for (let i = 0; i < n; i++) out[i] = this.int();
    return out;
  }

  u16Array(): Uint16Array {
    const n = this.uint();
    const b = this.bytes;
    const start = b.byteOffset + this.pos;
    this.pos += 2 * n;
    // The stored order is little-endian, the byte order of every platform Node's SEA targets: one memcpy.
    if (LITTLE_ENDIAN) return new Uint16Array(b.buffer.slice(start, start + 2 * n));
    const out = new Uint16Array(n);
    for (let i = 0, p = this.pos - 2 * n; i < n; i++, p += 2) out[i] = b[p] | (b[p + 1] << 8);
    return out;
  }

  string(): string {
    const n = this.uint();
    const s = Buffer.from(this.bytes.subarray(this.pos, this.pos + n)).toString("utf8");
    this.pos += n;
    return s;
  }
}

/** A reader over one inflated base64 blob of data.generated.ts. */
export const reader = (blob: string): ByteReader => new ByteReader(inflateRawSync(Buffer.from(blob, "base64")));

let core: UnicodeTables | undefined;
let casing: Map<number, ExtendedCase> | undefined;
let normalization: NormalizationTables | undefined;

/** The per-code-point property tables, decoded on first call. */
export function getTables(): UnicodeTables {
  return core ?? (core = decodeCore());
}

/** Extended case mappings by code point (for code points with the ExtendedCase flag). */
export function getExtendedCase(): ReadonlyMap<number, ExtendedCase> {
  return casing ?? (casing = decodeExtended());
}

/** Decomposition and composition tables. */
export function getNormalizationTables(): NormalizationTables {
  return normalization ?? (normalization = decodeNormalization());
}

/** Which parts have been decoded so far (for tests and start-up diagnostics). */
export function decodedTableParts(): string[] {
  const parts: [string, unknown][] = [["core", core], ["casing", casing], ["normalization", normalization]];
  return parts.filter(([, v]) => v !== undefined).map(([k]) => k);
}

function parseNumeric(text: string): number {
  const slash = text.indexOf("/");
  return slash < 0 ? Number(text) : Number(text.slice(0, slash)) / Number(text.slice(slash + 1));
}

function decodeCore(): UnicodeTables {
  const r = reader(CORE_BLOB);
  const shift = r.uint();
  const index1 = r.u16Array();
  const index2 = r.u16Array();
  r.uint(); // record count, implied by the column lengths
  const u8 = (n: number): Uint8Array => new Uint8Array(n);
  const category = r.signedInto(u8);
  const combining = r.signedInto(u8);
  const bidi = r.signedInto(u8);
  const mirrored = r.signedInto(u8);
  const eastAsianWidth = r.signedInto(u8);
  const flags = r.signedInto((n) => new Uint16Array(n));
  const upper = r.signedInto((n) => new Int32Array(n));
  const lower = r.signedInto((n) => new Int32Array(n));
  const title = r.signedInto((n) => new Int32Array(n));
  const decimal = r.signedInto(u8);
  const digit = r.signedInto(u8);
  const numericIndex = r.signedInto((n) => new Uint16Array(n));
  const quickCheck = r.signedInto(u8);
  const numericText = r.string().split(";");
  const numericValue = Float64Array.from(numericText, (t) => (t ? parseNumeric(t) : -1));
  return {
    shift, mask: (1 << shift) - 1, index1, index2, category, combining, bidi, mirrored, eastAsianWidth, flags,
    upper, lower, title, decimal, digit, numericIndex, quickCheck, numericText, numericValue,
  };
}

function decodeExtended(): Map<number, ExtendedCase> {
  const r = reader(CASE_BLOB);
  const map = new Map<number, ExtendedCase>();
  const n = r.uint();
  for (let i = 0; i < n; i++) {
    const cp = r.uint();
    map.set(cp, { lower: r.array(), title: r.array(), upper: r.array(), fold: r.array() });
  }
  return map;
}

function decodeNormalization(): NormalizationTables {
  const r = reader(DECOMP_BLOB);
  const decompositions = new Map<number, Decomposition>();
  const n = r.uint();
  r.uint(); // flat array length
  for (let i = 0; i < n; i++) {
    const cp = r.uint();
    const prefix = r.uint();
    const len = r.uint();
    const chars = new Array<number>(len);
    for (let k = 0; k < len; k++) chars[k] = r.uint();
    decompositions.set(cp, { prefix, chars });
  }
  const exclusions = new Set(r.array());
  const t = getTables();
  // Primary composites, derived as CPython does: canonical two-character decompositions whose first character
  // is a starter and which CompositionExclusions.txt does not list.
  const compositions = new Map<number, number>();
  const compositionFirsts = new Set<number>();
  for (const [cp, d] of decompositions) {
    if (d.prefix !== 0 || d.chars.length !== 2 || exclusions.has(cp)) continue;
    if (t.combining[recordOf(t, d.chars[0])] !== 0) continue;
    compositions.set(d.chars[0] * 0x110000 + d.chars[1], cp);
    compositionFirsts.add(d.chars[0]);
  }
  return { decompositions, compositions, compositionFirsts };
}

/** Record index of a code point (0 <= cp < 0x110000). */
export function recordOf(t: UnicodeTables, cp: number): number {
  return t.index2[(t.index1[cp >> t.shift] << t.shift) + (cp & t.mask)];
}
