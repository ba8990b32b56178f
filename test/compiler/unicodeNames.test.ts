// Checks the Unicode name table against CPython: every code point's name vs Pyodide 3.12 (Unicode 15.0) and python3 3.11 (14.0), plus `\N{}` lookups.
import { describe, expect, it } from "vitest";
import { listAliases, listNamedSequences, lookupCodePoint, lookupName, nameOf } from "../../src/compiler/unicodeNames";
import { runPyodide, runPython3 } from "../support/oracles";

const MAX_CP = 0x10ffff;

/** Parses "HEX;NAME" lines into a map. */
function parseNameLines(text: string): Map<number, string> {
  const m = new Map<number, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const semi = line.indexOf(";");
    m.set(parseInt(line.slice(0, semi), 16), line.slice(semi + 1));
  }
  return m;
}

/** Lists the first mismatches between our nameOf and an oracle's names, over the code points `include` selects. */
function nameMismatches(oracle: Map<number, string>, include: (cp: number) => boolean): string[] {
  const bad: string[] = [];
  for (let cp = 0; cp <= MAX_CP && bad.length < 20; cp++) {
    if (!include(cp)) continue;
    const ours = nameOf(cp);
    const theirs = oracle.get(cp) ?? null;
    if (ours !== theirs) bad.push(`U+${cp.toString(16).toUpperCase()}: ours ${ours} cpython ${theirs}`);
  }
  return bad;
}

// Snippet run in both oracles: every named code point as "HEX;NAME".
const DUMP_NAMES = `
import unicodedata as u
"\\n".join("%X;%s" % (c, n) for c in range(0x110000) if (n := u.name(chr(c), None)) is not None)
`;

describe("unicodeNames vs CPython 3.12 (Pyodide, Unicode 15.0.0)", () => {
  it("unicodedata.name agrees on every code point", async () => {
    const oracle = parseNameLines(await runPyodide(DUMP_NAMES));
    expect(oracle.size).toBeGreaterThan(140_000);
    expect(nameMismatches(oracle, () => true)).toEqual([]);
  });

  it("every name, lower-cased name, alias and named sequence resolves as unicodedata.lookup and \\N{} do", async () => {
    const probes: string[] = [];
    for (const [alias] of listAliases()) probes.push(alias, alias.toLowerCase());
    for (const [seq] of listNamedSequences()) probes.push(seq, seq.toLowerCase());
    for (let cp = 0; cp <= MAX_CP; cp += 31) {
      const n = nameOf(cp);
      if (n !== null) probes.push(n, n.toLowerCase());
    }
    probes.push(...TRICKY_NAMES);
    // For each probe: lookup() result and the \N{} result, as code point lists ("-" when rejected).
    const oracle = JSON.parse(
      await runPyodide(
        `
import unicodedata as u, json
def cps(s): return " ".join("%X" % ord(c) for c in s)
def lk(n):
    try: return cps(u.lookup(n))
    except KeyError: return "-"
def esc(n):
    try: return cps(eval('"\\\\N{' + n + '}"'))
    except SyntaxError: return "-"
json.dumps([[lk(n), esc(n)] for n in json.loads(INPUT)])
`,
        probes,
      ),
    ) as Array<[string, string]>;
    const cps = (s: string | null): string =>
      s === null ? "-" : [...s].map((c) => c.codePointAt(0)!.toString(16).toUpperCase()).join(" ");
    const bad: string[] = [];
    probes.forEach((name, i) => {
      const ours: [string, string] = [cps(lookupName(name)), cps(fromCp(lookupCodePoint(name)))];
      if (ours[0] !== oracle[i][0] || ours[1] !== oracle[i][1]) {
        bad.push(`${JSON.stringify(name)}: ours ${ours.join(" | ")} cpython ${oracle[i].join(" | ")}`);
      }
    });
    expect(bad.slice(0, 20)).toEqual([]);
    expect(probes.length).toBeGreaterThan(10_000);
  });
});

describe("unicodeNames vs CPython 3.11 (python3, Unicode 14.0.0)", () => {
  it("agrees on every code point assigned in Unicode 14 (names never change once assigned)", () => {
    const out = runPython3(`
import unicodedata as u, sys
sys.stdout.write("\\n".join("%X;%s" % (c, u.name(chr(c), "")) for c in range(0x110000) if u.category(chr(c)) != "Cn"))
`);
    const named = new Map<number, string>();
    const assigned = new Set<number>();
    for (const [cp, n] of parseNameLines(out)) {
      assigned.add(cp);
      if (n !== "") named.set(cp, n);
    }
    expect(assigned.size).toBeGreaterThan(280_000);
    expect(nameMismatches(named, (cp) => assigned.has(cp))).toEqual([]);
  });
});

function fromCp(cp: number | null): string | null {
  return cp === null ? null : String.fromCodePoint(cp);
}

// Names whose acceptance depends on CPython's exact rules: case-sensitivity of the derived names, digit counts,
// greedy jamo matching, unnamed ranges, whitespace, non-ASCII case mapping.
const TRICKY_NAMES = [
  "CJK UNIFIED IDEOGRAPH-3400",
  "cjk unified ideograph-3400",
  "CJK UNIFIED IDEOGRAPH-9fff",
  "CJK UNIFIED IDEOGRAPH-03400",
  "CJK UNIFIED IDEOGRAPH-340",
  "CJK UNIFIED IDEOGRAPH-000003400",
  "CJK UNIFIED IDEOGRAPH-31350",
  "CJK UNIFIED IDEOGRAPH-323AF",
  "CJK UNIFIED IDEOGRAPH-323B0",
  "CJK UNIFIED IDEOGRAPH-2B73A",
  "CJK UNIFIED IDEOGRAPH-F900",
  "CJK COMPATIBILITY IDEOGRAPH-F900",
  "cjk compatibility ideograph-f900",
  "HANGUL SYLLABLE GA",
  "HANGUL SYLLABLE GAG",
  "HANGUL SYLLABLE GGWEOLH",
  "HANGUL SYLLABLE A",
  "HANGUL SYLLABLE ",
  "HANGUL SYLLABLE",
  "HANGUL SYLLABLE Q",
  "HANGUL SYLLABLE GAQ",
  "hangul syllable ga",
  "Hangul Jungseong O-E",
  "HANGUL JUNGSEONG O-E",
  "TANGUT IDEOGRAPH-17000",
  "KHITAN SMALL SCRIPT CHARACTER-18B00",
  "NUSHU CHARACTER-1B170",
  "LATIN SMALL LETTER A",
  " LATIN SMALL LETTER A",
  "LATIN SMALL LETTER A ",
  "LATIN  SMALL LETTER A",
  "LATIN SMALL LETTER ſ",
  "LATİN SMALL LETTER A",
  "NULL",
  "LF",
  "NBSP",
  "BYTE ORDER MARK",
  "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
  "KEYCAP NUMBER SIGN",
  "",
  "EURO SIGN",
  "SPACE",
];
