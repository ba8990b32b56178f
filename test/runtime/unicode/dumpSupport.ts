// Shared helpers for the all-code-point oracle comparisons: run-length dumps and per-property mismatch listing.
import * as U from "../../../src/runtime/unicode/index";

export const MAX_CP = 0x110000;

export type Run = [string | number, number];
export interface Dump { version: string; props: Record<string, Run[]> }

/** The oracle's encoding of a mapping result: "d<delta>" for one code point, else a hex list. */
export function mapped(cp: number, r: string): string {
  const cps = U.toCodePoints(r);
  if (cps.length === 1) return `d${cps[0] - cp}`;
  return cps.map((c) => c.toString(16).toUpperCase()).join(" ");
}

/** unicodedata.numeric results compared as doubles (the oracle sends repr(), "None" when absent). */
export const numericKey = (v: number | undefined): string => (v === undefined ? "None" : String(v));

/** An oracle value in the form ours are produced in. */
export function oracleValue(prop: string, v: string | number): string | number {
  return prop === "numeric" ? numericKey(v === "None" ? undefined : Number(v)) : v;
}

/** Expands a run-length list into one value per code point. */
export function expand(runs: Run[]): (string | number)[] {
  const out: (string | number)[] = [];
  for (const [v, n] of runs) for (let k = 0; k < n; k++) out.push(v);
  if (out.length !== MAX_CP) throw new Error(`dump covers ${out.length} code points`);
  return out;
}

/** First mismatches between `ours` and the dump's property over the code points `include` selects. */
export function mismatches(
  dump: Dump, prop: string, ours: (cp: number) => string | number, include: (cp: number) => boolean = () => true,
): string[] {
  const theirs = expand(dump.props[prop]);
  const bad: string[] = [];
  for (let cp = 0; cp < MAX_CP && bad.length < 10; cp++) {
    if (!include(cp)) continue;
    const value = ours(cp);
    const expected = oracleValue(prop, theirs[cp]);
    if (value !== expected) bad.push(`${prop} U+${cp.toString(16).toUpperCase()}: ours ${value}, CPython ${expected}`);
  }
  return bad;
}
