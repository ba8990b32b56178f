// Whole-string behaviour (context-dependent casing, is* predicates, normalization of mark sequences) vs CPython 3.12.7.
import { describe, expect, it } from "vitest";
import * as U from "../../../src/runtime/unicode/index";
import { runPyodide } from "../../support/oracles";

/** Deterministic pseudo-random strings over a pool of code points (mulberry32, so runs are reproducible). */
function randomStrings(pool: readonly number[], count: number, maxLen: number, seed: number): number[][] {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: number[][] = [];
  for (let i = 0; i < count; i++) {
    const len = 1 + Math.floor(next() * maxLen);
    out.push(Array.from({ length: len }, () => pool[Math.floor(next() * pool.length)]));
  }
  return out;
}

const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0) as number);

// Letters with special or context-dependent casing, titlecase digraphs, case-ignorable and uncased characters.
const CASING_POOL = cps(
  "aAzZ ßẞİıΣσςǅǆǄǈΐﬁῼᾳᾈŉǰΩÅ'.1\u0308\u0345\u00ad\u00b7\u2019\u200d:\t\u2028\u00b2\u2153\u0660\u4e00_\u0130\u1e9e" +
  "\u10d0\u1c90\u13a0\uab70\u{10400}\u{1e922}\u{1d400}",
);

// Starters, combining marks of many classes, Hangul jamo, excluded and singleton decompositions, 15.0 additions.
const NORMALIZATION_POOL = [
  0x61, 0x65, 0x6f, 0x41, 0x4f, 0xc5, 0x300, 0x301, 0x308, 0x323, 0x327, 0x328, 0x31b, 0x345, 0x5b0, 0x651, 0x94d,
  0x334, 0xf71, 0xf72, 0xf73, 0x1100, 0x1112, 0x1161, 0x1175, 0x11a7, 0x11a8, 0x11c2, 0xac00, 0xac01, 0xb47, 0xb3e,
  0xb57, 0x1b05, 0x1b35, 0x9c7, 0x9be, 0x344, 0x958, 0x2126, 0x212b, 0x1e9b, 0xfb01, 0xdf, 0x17f, 0x340, 0x1d15e,
  0x1d165, 0x1d16e, 0x11f42, 0x1e4ec, 0x1e4ef, 0x16ff0, 0x378, 0x3099, 0x304b, 0x30ab, 0xff76, 0xff9e, 0x2460, 0x3000,
];

describe("str methods on strings vs CPython 3.12.7", () => {
  const samples = [
    ...["ΑΣ", "ΑΣ Α", "ΑΣ\u0301", "Σ", "ΑΣΑ", "'ΑΣ'", "Α\u00adΣ", "hello WORLD", "ǅemal ǈudevit", "ﬁne ﬂy", "ß", "İstanbul"]
      .map(cps),
    ...randomStrings(CASING_POOL, 600, 8, 12345),
    // ASCII-only strings take the fast paths.
    ...randomStrings(cps("aZ 1'_.-\tbY\x7f\x00"), 200, 10, 999),
  ];
  const METHODS = ["lower", "upper", "title", "capitalize", "swapcase", "casefold", "islower", "isupper", "istitle",
    "isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "isprintable", "isidentifier"] as const;
  const OURS: Record<(typeof METHODS)[number], (s: string) => string | boolean> = {
    lower: U.strLower, upper: U.strUpper, title: U.strTitle, capitalize: U.strCapitalize, swapcase: U.strSwapcase,
    casefold: U.strCasefold, islower: U.strIsLower, isupper: U.strIsUpper, istitle: U.strIsTitle,
    isalpha: U.strIsAlpha, isalnum: U.strIsAlnum, isdecimal: U.strIsDecimal, isdigit: U.strIsDigit,
    isnumeric: U.strIsNumeric, isspace: U.strIsSpace, isprintable: U.strIsPrintable, isidentifier: U.strIsIdentifier,
  };

  it("agree on every method for every sample", async () => {
    const oracle = JSON.parse(await runPyodide(`
import json
samples = ["".join(map(chr, s)) for s in json.loads(INPUT)["samples"]]
methods = json.loads(INPUT)["methods"]
def enc(v): return [ord(c) for c in v] if isinstance(v, str) else v
json.dumps([[enc(getattr(s, m)()) for m in methods] for s in samples])
`, { samples, methods: METHODS })) as (number[] | boolean)[][];
    const bad: string[] = [];
    samples.forEach((sample, i) => {
      const s = String.fromCodePoint(...sample);
      METHODS.forEach((m, k) => {
        const r = OURS[m](s);
        const ours = typeof r === "string" ? cps(r) : r;
        if (JSON.stringify(ours) !== JSON.stringify(oracle[i][k]) && bad.length < 20) {
          bad.push(`${JSON.stringify(s)}.${m}(): ours ${JSON.stringify(ours)}, CPython ${JSON.stringify(oracle[i][k])}`);
        }
      });
    });
    expect(bad).toEqual([]);
  });
});

describe("unicodedata.normalize / is_normalized on mark sequences vs CPython 3.12.7", () => {
  const samples = randomStrings(NORMALIZATION_POOL, 3000, 7, 777);
  const FORMS = ["NFC", "NFD", "NFKC", "NFKD"] as const;

  it("agree for all four forms", async () => {
    const oracle = JSON.parse(await runPyodide(`
import json, unicodedata as u
samples = ["".join(map(chr, s)) for s in json.loads(INPUT)]
json.dumps([[[ord(c) for c in u.normalize(f, s)] + [u.is_normalized(f, s)] for f in ("NFC", "NFD", "NFKC", "NFKD")]
            for s in samples])
`, samples)) as (number | boolean)[][][];
    const bad: string[] = [];
    samples.forEach((sample, i) => {
      const s = String.fromCodePoint(...sample);
      FORMS.forEach((f, k) => {
        const ours = [...cps(U.normalize(f, s)), U.isNormalized(f, s)];
        if (JSON.stringify(ours) !== JSON.stringify(oracle[i][k]) && bad.length < 20) {
          bad.push(`${f} ${sample.map((c) => c.toString(16))}: ours ${JSON.stringify(ours)}, CPython ${JSON.stringify(oracle[i][k])}`);
        }
      });
    });
    expect(bad).toEqual([]);
  });
});

describe("unicodedata.ucd_3_2_0.normalize on mark sequences vs CPython 3.12.7", () => {
  // Adds characters assigned after 3.2.0 and the CJK compatibility ideographs corrected after it.
  const pool = [...NORMALIZATION_POOL, 0xf951, 0x2f868, 0x2f874, 0x2f91f, 0x1e4ec, 0x0d4e, 0x1f600, 0x0220, 0x1d1bb];
  const samples = randomStrings(pool, 1500, 6, 4242);
  const FORMS = ["NFC", "NFD", "NFKC", "NFKD"] as const;

  it("agree for all four forms", async () => {
    const oracle = JSON.parse(await runPyodide(`
import json, unicodedata
o = unicodedata.ucd_3_2_0
samples = ["".join(map(chr, s)) for s in json.loads(INPUT)]
json.dumps([[[ord(c) for c in o.normalize(f, s)] + [o.is_normalized(f, s)] for f in ("NFC", "NFD", "NFKC", "NFKD")]
            for s in samples])
`, samples)) as (number | boolean)[][][];
    const bad: string[] = [];
    samples.forEach((sample, i) => {
      const s = String.fromCodePoint(...sample);
      FORMS.forEach((f, k) => {
        const ours = [...cps(U.ucd320.normalize(f, s)), U.ucd320.isNormalized(f, s)];
        if (JSON.stringify(ours) !== JSON.stringify(oracle[i][k]) && bad.length < 20) {
          bad.push(`${f} ${sample.map((c) => c.toString(16))}: ours ${JSON.stringify(ours)}, CPython ${JSON.stringify(oracle[i][k])}`);
        }
      });
    });
    expect(bad).toEqual([]);
  });
});
