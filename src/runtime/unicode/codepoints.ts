// Conversions between JS strings (UTF-16, lone surrogates allowed) and arrays of code points.

/** Splits a JS string into code points (a lone surrogate stays one code point). */
export function toCodePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** Joins code points into a JS string. */
export function fromCodePoints(cps: readonly number[]): string {
  const CHUNK = 8192;
  let bmp = true;
  for (let i = 0; i < cps.length; i++) {
    if (cps[i] > 0xffff) {
      bmp = false;
      break;
    }
  }
  // fromCharCode over code units is several times faster than fromCodePoint when no pair must be built.
  const join = bmp ? String.fromCharCode : String.fromCodePoint;
  if (cps.length <= CHUNK) return join.apply(null, cps as number[]);
  let s = "";
  for (let i = 0; i < cps.length; i += CHUNK) s += join.apply(null, cps.slice(i, i + CHUNK));
  return s;
}
