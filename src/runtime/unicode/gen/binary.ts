// Generator-side helpers: a varint byte writer and the two-level table splitter (CPython's "splitbins" idea).

/** Appends LEB128 unsigned / zigzag signed varints; the runtime's ByteReader reads them back. */
export class ByteWriter {
  private bytes: number[] = [];

  uint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`bad uint ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }

  int(value: number): void {
    this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  array(values: ArrayLike<number>): void {
    this.uint(values.length);
    for (let i = 0; i < values.length; i++) this.uint(values[i]);
  }

  signedArray(values: ArrayLike<number>): void {
    this.uint(values.length);
    for (let i = 0; i < values.length; i++) this.int(values[i]);
  }

  /** Fixed-width little-endian uint16 values (for big index arrays: decoded with one copy, no varint loop). */
  u16Array(values: ArrayLike<number>): void {
    this.uint(values.length);
    for (let i = 0; i < values.length; i++) {
      if (values[i] > 0xffff) throw new Error(`u16 overflow ${values[i]}`);
      this.bytes.push(values[i] & 0xff, values[i] >> 8);
    }
  }

  string(s: string): void {
    const b = Buffer.from(s, "utf8");
    this.uint(b.length);
    for (const x of b) this.bytes.push(x);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export interface SplitTable { shift: number; index1: number[]; index2: number[] }

/**
 * Splits t into index1/index2 so that t[i] == index2[(index1[i >> shift] << shift) + (i & mask)],
 * picking the block size that minimises the total number of entries (identical blocks are shared).
 */
export function splitBins(t: ArrayLike<number>): SplitTable {
  let best: SplitTable | undefined;
  for (let shift = 2; shift <= 12; shift++) {
    const size = 1 << shift;
    const index1: number[] = [];
    const index2: number[] = [];
    const seen = new Map<string, number>();
    for (let start = 0; start < t.length; start += size) {
      const block = Array.from({ length: size }, (_, k) => t[start + k] ?? 0);
      const key = block.join(",");
      let at = seen.get(key);
      if (at === undefined) {
        at = index2.length >> shift;
        seen.set(key, at);
        index2.push(...block);
      }
      index1.push(at);
    }
    if (!best || index1.length + index2.length < best.index1.length + best.index2.length) {
      best = { shift, index1, index2 };
    }
  }
  if (!best) throw new Error("splitBins: empty table");
  return best;
}
