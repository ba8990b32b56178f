// Runs the _sre engine on CPython 3.12.7's compiled code for ~1900 patterns and compares with CPython's results (golden.json.gz).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { SreState, textFromString, type SreText } from "../../../src/runtime/modules/_sre/engine";
import { validateCode } from "../../../src/runtime/modules/_sre/validate";

/** regs of a match (group spans) followed by lastindex, or null for no match. */
type Regs = Array<[number, number] | number | null> | null;

interface Run {
  s: string | number[];
  b: Array<[number, number]>;
  m: Regs[];
  f: Regs[];
  se: Regs[];
  it: Regs[];
}

interface Case {
  p: string;
  bytes: boolean;
  flags: number;
  code: number[];
  groups: number;
  runs: Run[];
}

interface BigCase {
  p: string;
  code: number[];
  groups: number;
  unit: string;
  times: number;
  tail: string;
  m: Regs;
  f: Regs;
}

interface ValidateCase {
  code: number[];
  groups: number;
  valid: boolean;
}

const golden: { cases: Case[]; big: BigCase[]; validate: ValidateCase[] } = JSON.parse(gunzipSync(readFileSync(path.join(__dirname, "golden.json.gz"))).toString("utf8"));
const cases = golden.cases;

function regsOf(st: SreState, ok: boolean): Regs {
  if (!ok) return null;
  const out: Regs = [];
  for (let g = 0; g <= st.groups; g++) out.push(st.span(g));
  out.push(st.lastindex === -1 ? null : st.lastindex);
  return out;
}

function subject(c: Case, r: Run): SreText {
  return c.bytes ? Uint8Array.from(r.s as number[]) : textFromString(r.s as string);
}

/** Collects every result for one case so one expect() reports the whole difference. */
function runCase(c: Case): { got: unknown; want: unknown } {
  const st = new SreState(Uint32Array.from(c.code), c.groups);
  const got: unknown[] = [];
  const want: unknown[] = [];
  for (const r of c.runs) {
    const text = subject(c, r);
    r.b.forEach(([pos, endpos], i) => {
      st.reset(text, pos, endpos);
      const m = regsOf(st, st.match(false));
      st.reset(text, pos, endpos);
      const f = regsOf(st, st.match(true));
      st.reset(text, pos, endpos);
      const se = regsOf(st, st.search());
      got.push({ s: r.s, pos, endpos, m, f, se });
      want.push({ s: r.s, pos, endpos, m: r.m[i], f: r.f[i], se: r.se[i] });
    });
    st.reset(text);
    const it: Regs[] = [];
    while (st.searchNext()) it.push(regsOf(st, true));
    got.push({ s: r.s, finditer: it });
    want.push({ s: r.s, finditer: r.it });
  }
  return { got, want };
}

describe("_sre engine vs CPython 3.12 golden results", () => {
  it("has the golden data", () => {
    expect(cases.length).toBeGreaterThan(800);
  });
  for (const [i, c] of cases.entries()) {
    it(`#${i} ${JSON.stringify(c.p)} flags=${c.flags}`, () => {
      const { got, want } = runCase(c);
      expect(got).toEqual(want);
    });
  }
});

describe("_sre engine on long subjects (explicit stack, no JS recursion)", () => {
  for (const c of golden.big) {
    it(`${JSON.stringify(c.p)} over ${JSON.stringify(c.unit)} x ${c.times} + ${JSON.stringify(c.tail)}`, () => {
      const st = new SreState(Uint32Array.from(c.code), c.groups);
      const text = textFromString(c.unit.repeat(c.times) + c.tail);
      st.reset(text);
      const m = regsOf(st, st.match(false));
      st.reset(text);
      const f = regsOf(st, st.match(true));
      expect({ m, f }).toEqual({ m: c.m, f: c.f });
    });
  }
});

describe("_sre code validation vs CPython's _validate", () => {
  it("accepts every code CPython's compiler produced", () => {
    const rejected = cases.filter((c) => !validateCode(Uint32Array.from(c.code), c.groups)).map((c) => c.p);
    expect(rejected).toEqual([]);
  });
  it("agrees with CPython on damaged code", () => {
    const got = golden.validate.map((v) => validateCode(Uint32Array.from(v.code), v.groups));
    expect(got).toEqual(golden.validate.map((v) => v.valid));
    // The damaged set must exercise both answers.
    expect(new Set(got).size).toBe(2);
  });
});
