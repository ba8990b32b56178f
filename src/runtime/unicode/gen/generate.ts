// Generator: turns the Unicode 15.0.0 UCD text files into the compact table blobs in ../data.generated.ts.
//
// Run by hand (not at build time; CI only uses the committed output) when the Unicode version changes:
//   apt-get install unicode-data && npx tsx src/runtime/unicode/gen/generate.ts [/usr/share/unicode]
// The input is Debian's `unicode-data` package (exactly UCD 15.0.0, the version CPython 3.12 ships); `bzcat`
// unpacks its Unihan file, and any `python3` supplies the Unicode 3.2.0 values of unicodedata.ucd_3_2_0.
// The output is deterministic: re-running it on the same inputs leaves data.generated.ts unchanged.
// The derivation rules mirror the ones CPython's Tools/unicode/makeunicodedata.py applies, so that every
// property the VM reports matches CPython 3.12 (e.g. which characters are "numeric", how full case mappings and
// case folding combine, which unassigned code points get an East Asian width).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import {
  BIDI_NAMES,
  CATEGORY_NAMES,
  DECOMP_PREFIXES,
  EAW_NAMES,
  TypeFlag,
  UNIDATA_VERSION,
} from "../names";
import { ByteWriter, splitBins } from "./binary";

const MAX_CP = 0x110000;
const MANDATORY_LINE_BREAKS = new Set(["BK", "CR", "LF", "NL"]);

/** One UnicodeData.txt row (fields as in UAX #44), after range expansion. */
interface UcdRow {
  name: string;
  category: string;
  combining: number;
  bidi: string;
  decomposition: string;
  decimal: string;
  digit: string;
  numeric: string;
  mirrored: boolean;
  upper: string;
  lower: string;
  title: string;
  props: Set<string>;
}

function readUcd(dir: string, file: string): string[][] {
  const rows: string[][] = [];
  for (const raw of readFileSync(join(dir, file), "utf8").split("\n")) {
    const line = raw.split("#", 1)[0].trim();
    if (line) rows.push(line.split(";").map((f) => f.trim()));
  }
  return rows;
}

function expandRange(spec: string): [number, number] {
  const parts = spec.split("..").map((h) => parseInt(h, 16));
  return [parts[0], parts.length > 1 ? parts[1] : parts[0]];
}

function parseUnicodeData(dir: string): (UcdRow | undefined)[] {
  const table: (UcdRow | undefined)[] = new Array(MAX_CP).fill(undefined);
  for (const f of readUcd(dir, "UnicodeData.txt")) {
    table[parseInt(f[0], 16)] = {
      name: f[1], category: f[2], combining: parseInt(f[3], 10), bidi: f[4], decomposition: f[5],
      decimal: f[6], digit: f[7], numeric: f[8], mirrored: f[9] === "Y",
      upper: f[12], lower: f[13], title: f[14], props: new Set(),
    };
  }
  // "<..., First>" / "<..., Last>" pairs stand for every code point in between.
  let template: UcdRow | undefined;
  for (let cp = 0; cp < MAX_CP; cp++) {
    const row = table[cp];
    if (row) {
      if (row.name.endsWith("First>")) template = row;
      else if (row.name.endsWith("Last>")) template = undefined;
    } else if (template) {
      table[cp] = { ...template, props: new Set() };
    }
  }
  return table;
}

function applyProperties(dir: string, table: (UcdRow | undefined)[]): void {
  for (const [range, prop] of readUcd(dir, "DerivedCoreProperties.txt")) {
    const [lo, hi] = expandRange(range);
    for (let cp = lo; cp <= hi; cp++) table[cp]?.props.add(prop);
  }
  for (const [range, value] of readUcd(dir, "LineBreak.txt")) {
    if (!MANDATORY_LINE_BREAKS.has(value)) continue;
    const [lo, hi] = expandRange(range);
    for (let cp = lo; cp <= hi; cp++) table[cp]?.props.add("Line_Break");
  }
  // Unihan numeric values patch the numeric field of (range-expanded) ideographs.
  const unihan = execFileSync("bzcat", [join(dir, "Unihan_NumericValues.txt.bz2")], { encoding: "utf8" });
  for (const line of unihan.split("\n")) {
    if (!line.startsWith("U+")) continue;
    const [code, tag, value] = line.split(/\s+/);
    if (tag !== "kAccountingNumeric" && tag !== "kPrimaryNumeric" && tag !== "kOtherNumeric") continue;
    const row = table[parseInt(code.slice(2), 16)];
    if (row) row.numeric = value.trim().replace(/,/g, "");
  }
}

function readWidths(dir: string): string[] {
  const widths: string[] = new Array(MAX_CP).fill("");
  for (const [range, width] of readUcd(dir, "EastAsianWidth.txt")) {
    const [lo, hi] = expandRange(range);
    for (let cp = lo; cp <= hi; cp++) widths[cp] = width;
  }
  return widths;
}

const hexList = (s: string): number[] => (s ? s.split(/\s+/).map((h) => parseInt(h, 16)) : []);

/** Full case data that cannot be expressed as one delta per mapping (CPython's EXTENDED_CASE_MASK). */
interface ExtendedCase { cp: number; lower: number[]; title: number[]; upper: number[]; fold: number[] }

interface TypeRecordResult { flags: number; upper: number; lower: number; title: number; ext?: ExtendedCase }

function typeFlags(cp: number, row: UcdRow): number {
  const p = row.props;
  let flags = 0;
  if (["Lm", "Lt", "Lu", "Ll", "Lo"].includes(row.category)) flags |= TypeFlag.Alpha;
  if (p.has("Lowercase")) flags |= TypeFlag.Lower;
  if (p.has("Line_Break") || row.bidi === "B") flags |= TypeFlag.Linebreak;
  if (row.category === "Zs" || ["WS", "B", "S"].includes(row.bidi)) flags |= TypeFlag.Space;
  if (row.category === "Lt") flags |= TypeFlag.Title;
  if (p.has("Uppercase")) flags |= TypeFlag.Upper;
  if (cp === 0x20 || (row.category[0] !== "C" && row.category[0] !== "Z")) flags |= TypeFlag.Printable;
  if (p.has("XID_Start")) flags |= TypeFlag.XidStart;
  if (p.has("XID_Continue")) flags |= TypeFlag.XidContinue;
  if (p.has("Cased")) flags |= TypeFlag.Cased;
  if (p.has("Case_Ignorable")) flags |= TypeFlag.CaseIgnorable;
  if (row.decimal) flags |= TypeFlag.Decimal;
  if (row.digit) flags |= TypeFlag.Digit;
  if (row.numeric) flags |= TypeFlag.Numeric;
  return flags;
}

function typeRecord(
  cp: number, row: UcdRow, special: Map<number, number[][]>, folding: Map<number, number[]>,
): TypeRecordResult {
  let flags = typeFlags(cp, row);
  const upper = row.upper ? parseInt(row.upper, 16) : cp;
  const lower = row.lower ? parseInt(row.lower, 16) : cp;
  const title = row.title ? parseInt(row.title, 16) : upper;
  const fold = folding.get(cp) ?? [cp];
  let sc = special.get(cp);
  if (!sc && !(fold.length === 1 && fold[0] === lower)) sc = [[lower], [title], [upper]];
  if (!sc) return { flags, upper: upper - cp, lower: lower - cp, title: title - cp };
  flags |= TypeFlag.ExtendedCase;
  return { flags, upper: 0, lower: 0, title: 0, ext: { cp, lower: sc[0], title: sc[1], upper: sc[2], fold } };
}

/** Normalization quick-check bits per code point: 2 bits each for NFD, NFKD, NFC, NFKC (0 yes, 1 maybe, 2 no). */
function readQuickChecks(dir: string): Uint8Array {
  const order = ["NFD_QC", "NFKD_QC", "NFC_QC", "NFKC_QC"];
  const qc = new Uint8Array(MAX_CP);
  for (const [range, prop, value] of readUcd(dir, "DerivedNormalizationProps.txt")) {
    const shift = order.indexOf(prop) * 2;
    if (shift < 0) continue;
    const bits = (value === "M" ? 1 : 2) << shift;
    const [lo, hi] = expandRange(range);
    for (let cp = lo; cp <= hi; cp++) qc[cp] |= bits;
  }
  return qc;
}

function readSpecialCasing(dir: string): Map<number, number[][]> {
  const sc = new Map<number, number[][]>();
  for (const f of readUcd(dir, "SpecialCasing.txt")) {
    // Conditional mappings (language or context dependent) are ignored, as CPython does; the one context
    // rule CPython honours (final sigma) is implemented in the string-level lower().
    if (f[4]) continue;
    sc.set(parseInt(f[0], 16), [hexList(f[1]), hexList(f[2]), hexList(f[3])]);
  }
  return sc;
}

function readCaseFolding(dir: string): Map<number, number[]> {
  const cf = new Map<number, number[]>();
  for (const f of readUcd(dir, "CaseFolding.txt")) {
    if (f[1] === "C" || f[1] === "F") cf.set(parseInt(f[0], 16), hexList(f[2]));
  }
  return cf;
}

/** A deflated, base64 blob constant, wrapped at 100 columns. */
function blob(name: string, doc: string, w: ByteWriter): string {
  const b64 = deflateRawSync(w.finish(), { level: 9 }).toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 100) lines.push(`  "${b64.slice(i, i + 100)}"`);
  return `/** ${doc} */\nexport const ${name} =\n${lines.join(" +\n")};\n\n`;
}

const AGES_IN_3_2 = new Set(["1.1", "2.0", "2.1", "3.0", "3.1", "3.2"]);

// CPython's frozen Unicode 3.2.0 view (unicodedata.ucd_3_2_0) is the source of the 3.2.0 property values: the UCD
// 3.2.0 files are not packaged anywhere on the build machine, and CPython's snapshot is exactly what ucd_3_2_0 must
// reproduce. Any python3 works: ucd_3_2_0 answers are the same in every CPython 3.x.
const UCD32_SCRIPT = `
import sys, unicodedata
o = unicodedata.ucd_3_2_0
assert o.unidata_version == "3.2.0"
out = []
for c in range(0x110000):
    ch = chr(c)
    if o.category(ch) != "Cn":
        out.append("%X;%s;%s;%s;%d;%d;%r" % (c, o.category(ch), o.bidirectional(ch), o.east_asian_width(ch),
                   o.mirrored(ch), o.decimal(ch, -1), o.numeric(ch, None)))
sys.stdout.write("\\n".join(out))
`;

/**
 * Unicode 3.2.0 deltas in CPython's change-record model: code points assigned since 3.2 (from DerivedAge.txt),
 * and for the others each of category, bidi class, width, mirrored, decimal and numeric value that differs.
 */
function ucd32Deltas(dir: string, table: (UcdRow | undefined)[], widths: string[]): ByteWriter {
  const assigned32 = new Uint8Array(MAX_CP);
  for (const [range, age] of readUcd(dir, "DerivedAge.txt")) {
    if (!AGES_IN_3_2.has(age)) continue;
    const [lo, hi] = expandRange(range);
    assigned32.fill(1, lo, hi + 1);
  }
  const old = new Map<number, string[]>();
  const dump = execFileSync("python3", ["-c", UCD32_SCRIPT], { encoding: "utf8", maxBuffer: 1 << 28 });
  for (const line of dump.split("\n")) {
    const f = line.split(";");
    old.set(parseInt(f[0], 16), f.slice(1));
  }
  const unassigned: number[] = [];
  const changes: number[] = [];
  const changesNumeric: string[] = [];
  for (let cp = 0; cp < MAX_CP; cp++) {
    const row = table[cp];
    if (!row) continue;
    const o = old.get(cp);
    if (!assigned32[cp] !== !o) throw new Error(`DerivedAge and ucd_3_2_0 disagree on U+${cp.toString(16)}`);
    if (!o) {
      unassigned.push(cp);
      continue;
    }
    const [cat, bidi, eaw, mirrored, decimal, numeric] = o;
    const newDecimal = row.decimal ? parseInt(row.decimal, 10) : -1;
    const newNumeric = row.numeric ? row.numeric : "None";
    const oldNumeric = numeric; // a float repr, or "None"
    const diff = [
      cat !== row.category ? CATEGORY_NAMES.indexOf(cat) : -1,
      bidi !== row.bidi ? BIDI_NAMES.indexOf(bidi) : -1,
      eaw !== (widths[cp] || "N") ? EAW_NAMES.indexOf(eaw) : -1,
      Number(mirrored) !== (row.mirrored ? 1 : 0) ? Number(mirrored) : -1,
      Number(decimal) !== newDecimal ? Number(decimal) : -1,
    ];
    const numericChanged = oldNumeric !== "None" && newNumeric !== "None"
      ? Number(oldNumeric) !== numericOf(newNumeric)
      : oldNumeric !== newNumeric;
    if (diff.every((d) => d === -1) && !numericChanged) continue;
    if (diff.slice(0, 3).some((d) => d < -1)) throw new Error(`unknown 3.2.0 property value at U+${cp.toString(16)}`);
    // Each field stored +1 so that 0 means "unchanged".
    changes.push(cp, ...diff.map((d) => d + 1), numericChanged ? 1 : 0);
    if (numericChanged) changesNumeric.push(oldNumeric);
  }
  const w = new ByteWriter();
  // Unassigned code points as (start, length) runs.
  const runs: number[] = [];
  for (let i = 0; i < unassigned.length; ) {
    let j = i;
    while (j + 1 < unassigned.length && unassigned[j + 1] === unassigned[j] + 1) j++;
    runs.push(unassigned[i], j - i + 1);
    i = j + 1;
  }
  w.array(runs);
  w.array(changes);
  w.string(changesNumeric.join(";"));
  // Corrections made in a version after 3.2.0 (the file's fourth field): 3.2.0 still had the original mapping.
  const corrections = readUcd(dir, "NormalizationCorrections.txt")
    .filter((f) => !AGES_IN_3_2.has(f[3].split(".").slice(0, 2).join(".")))
    .flatMap((f) => [parseInt(f[0], 16), parseInt(f[1], 16)]);
  w.array(corrections);
  console.log(`UCD 3.2.0: ${runs.length / 2} unassigned runs, ${changes.length / 7} changed records`);
  return w;
}

function numericOf(text: string): number {
  const slash = text.indexOf("/");
  return slash < 0 ? Number(text) : Number(text.slice(0, slash)) / Number(text.slice(slash + 1));
}

function main(): void {
  const dir = process.argv[2] ?? "/usr/share/unicode";
  const table = parseUnicodeData(dir);
  applyProperties(dir, table);
  const widths = readWidths(dir);
  const special = readSpecialCasing(dir);
  const folding = readCaseFolding(dir);
  const quickChecks = readQuickChecks(dir);

  // Records: one unique tuple of every per-code-point property; the code point -> record map is split in two levels.
  // Record 0 is what unassigned code points (width N) read, so out-of-range lookups can use it too.
  const unassignedRecord = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const recordKeys = new Map<string, number>([[unassignedRecord.join(","), 0]]);
  const records: number[][] = [unassignedRecord];
  const recordIndex = new Uint32Array(MAX_CP);
  const numericValues: string[] = [""];
  const extended: ExtendedCase[] = [];
  const decomps: number[] = [];
  let decompCount = 0;
  for (let cp = 0; cp < MAX_CP; cp++) {
    const row = table[cp];
    let rec: number[];
    const eaw = EAW_NAMES.indexOf(widths[cp] || "N");
    if (row) {
      const t = typeRecord(cp, row, special, folding);
      if (t.ext) extended.push(t.ext);
      let numericIndex = 0;
      if (row.numeric) {
        numericIndex = numericValues.indexOf(row.numeric);
        if (numericIndex < 0) numericIndex = numericValues.push(row.numeric) - 1;
      }
      const bidi = BIDI_NAMES.indexOf(row.bidi);
      const category = CATEGORY_NAMES.indexOf(row.category);
      if (bidi < 0 || category < 0 || eaw < 0) throw new Error(`unknown property value at U+${cp.toString(16)}`);
      rec = [category, row.combining, bidi, row.mirrored ? 1 : 0, eaw, t.flags, t.upper, t.lower, t.title,
        row.decimal ? parseInt(row.decimal, 10) : 0, row.digit ? parseInt(row.digit, 10) : 0, numericIndex,
        quickChecks[cp]];
      if (row.decomposition) {
        const parts = row.decomposition.split(/\s+/);
        const prefix = parts[0].startsWith("<") ? DECOMP_PREFIXES.indexOf(parts.shift() as string) : 0;
        if (prefix < 0) throw new Error(`unknown decomposition tag at U+${cp.toString(16)}`);
        decomps.push(cp, prefix, parts.length, ...parts.map((h) => parseInt(h, 16)));
        decompCount++;
      }
    } else {
      rec = [0, 0, 0, 0, eaw, 0, 0, 0, 0, 0, 0, 0, 0];
    }
    const key = rec.join(",");
    let idx = recordKeys.get(key);
    if (idx === undefined) {
      idx = records.length;
      recordKeys.set(key, idx);
      records.push(rec);
    }
    recordIndex[cp] = idx;
  }
  const exclusions = readUcd(dir, "CompositionExclusions.txt").map((f) => parseInt(f[0], 16));

  const split = splitBins(recordIndex);
  const core = new ByteWriter();
  core.uint(split.shift);
  core.u16Array(split.index1);
  core.u16Array(split.index2);
  core.uint(records.length);
  for (let field = 0; field < 13; field++) core.signedArray(records.map((r) => r[field]));
  core.string(numericValues.join(";"));

  const casing = new ByteWriter();
  casing.uint(extended.length);
  for (const e of extended) {
    casing.uint(e.cp);
    for (const list of [e.lower, e.title, e.upper, e.fold]) casing.array(list);
  }

  const decomp = new ByteWriter();
  decomp.uint(decompCount);
  decomp.array(decomps);
  decomp.array(exclusions);

  const latin1 = Array.from({ length: 256 }, (_, cp) => records[recordIndex[cp]][5]);
  const out =
    `// GENERATED by src/runtime/unicode/gen/generate.ts from UCD ${UNIDATA_VERSION}: deflated property tables (do not edit).\n\n` +
    `/** Flag bits of U+0000..U+00FF, usable without decoding anything. */\n` +
    `export const LATIN1_FLAGS: readonly number[] = [${latin1.join(", ")}];\n\n` +
    blob("CORE_BLOB", "Two-level code point -> record index, record columns, numeric value texts.", core) +
    blob("CASE_BLOB", "Extended (multi-character / folding) case mappings.", casing) +
    blob("DECOMP_BLOB", "Decomposition mappings and composition exclusions.", decomp) +
    blob("UCD32_BLOB", "Unicode 3.2.0 deltas (unicodedata.ucd_3_2_0): unassigned runs, changed records.",
      ucd32Deltas(dir, table, widths));
  writeFileSync(join(__dirname, "..", "data.generated.ts"), out);
  console.log(`${records.length} records, shift ${split.shift}, index1 ${split.index1.length}, ` +
    `index2 ${split.index2.length}, ${extended.length} extended casings, ${decompCount} decompositions, ` +
    `${numericValues.length} numeric values; output ${out.length} B`);
}

main();
