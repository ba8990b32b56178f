// Generator: turns the Unicode 15.0.0 UCD text files into the compact table blob in ../data.generated.ts.
//
// Run by hand (not at build time) when the Unicode version changes:
//   npx tsx src/runtime/unicode/gen/generate.ts [/usr/share/unicode]
// The input is Debian's `unicode-data` package (exactly UCD 15.0.0, the version CPython 3.12 ships).
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

function main(): void {
  const dir = process.argv[2] ?? "/usr/share/unicode";
  const table = parseUnicodeData(dir);
  applyProperties(dir, table);
  const widths = readWidths(dir);
  const special = readSpecialCasing(dir);
  const folding = readCaseFolding(dir);

  // Records: one unique tuple of every per-code-point property; the code point -> record map is split in two levels.
  const recordKeys = new Map<string, number>();
  const records: number[][] = [];
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
        row.decimal ? parseInt(row.decimal, 10) : 0, row.digit ? parseInt(row.digit, 10) : 0, numericIndex];
      if (row.decomposition) {
        const parts = row.decomposition.split(/\s+/);
        const prefix = parts[0].startsWith("<") ? DECOMP_PREFIXES.indexOf(parts.shift() as string) : 0;
        if (prefix < 0) throw new Error(`unknown decomposition tag at U+${cp.toString(16)}`);
        decomps.push(cp, prefix, parts.length, ...parts.map((h) => parseInt(h, 16)));
        decompCount++;
      }
    } else {
      rec = [0, 0, 0, 0, eaw, 0, 0, 0, 0, 0, 0, 0];
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
  for (let field = 0; field < 12; field++) core.signedArray(records.map((r) => r[field]));
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
    blob("DECOMP_BLOB", "Decomposition mappings and composition exclusions.", decomp);
  writeFileSync(join(__dirname, "..", "data.generated.ts"), out);
  console.log(`${records.length} records, shift ${split.shift}, index1 ${split.index1.length}, ` +
    `index2 ${split.index2.length}, ${extended.length} extended casings, ${decompCount} decompositions, ` +
    `${numericValues.length} numeric values; output ${out.length} B`);
}

main();
