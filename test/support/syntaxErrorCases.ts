// Reads test/compiler/golden/syntax-error-cases.txt (invalid programs, one `### NAME [FLAGS]` header each) and the golden JSON generated from it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type ErrorRecord, type FrontEnd, type ParseMode, errorRecordOf } from "./frontEnd";

export const CASES_FILE = resolve(__dirname, "../compiler/golden/syntax-error-cases.txt");
export const GOLDEN_FILE = resolve(__dirname, "../compiler/golden/syntax-errors.json");

export interface SyntaxErrorCase {
  name: string;
  mode: ParseMode;
  source: string;
}

/** One golden entry: the case and CPython 3.12.7's error; `cpython311` is 3.11's error where it differs. */
export interface GoldenCase extends SyntaxErrorCase {
  expected: ErrorRecord;
  /** The error as CPython prints it when uncaught (File line, source line, carets, "Kind: msg"). */
  printed: string;
  cpython311: "same" | ErrorRecord | "accepted";
}

export interface Golden {
  comment: string;
  cpython: string;
  cases: GoldenCase[];
}

/** Interprets the escapes allowed in `[escapes]` cases. */
function unescape(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[tfrn\\])/g, (_m, e: string) => {
    switch (e[0]) {
      case "x":
      case "u":
        return String.fromCharCode(parseInt(e.slice(1), 16));
      case "t":
        return "\t";
      case "f":
        return "\f";
      case "r":
        return "\r";
      case "n":
        return "\n";
      default:
        return "\\";
    }
  });
}

function makeCase(name: string, flags: string[], lines: string[]): SyntaxErrorCase {
  const modes = flags.filter((f) => f === "eval" || f === "single" || f === "func_type") as ParseMode[];
  let source = lines.map((l) => `${l}\n`).join("");
  if (flags.includes("escapes")) source = unescape(source);
  if (flags.includes("noeol") && source.endsWith("\n")) source = source.slice(0, -1);
  return { name, mode: modes[0] ?? "exec", source };
}

export function readCases(): SyntaxErrorCase[] {
  const text = readFileSync(CASES_FILE, "utf8");
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const cases: SyntaxErrorCase[] = [];
  let header: RegExpMatchArray | null = null;
  let body: string[] = [];
  const flush = (): void => {
    if (header !== null) cases.push(makeCase(header[1], (header[2] ?? "").split(/\s+/).filter(Boolean), body));
  };
  for (const line of lines) {
    const m = /^### (\S+)(?: \[([^\]]*)\])?$/.exec(line);
    if (m !== null) {
      flush();
      header = m;
      body = [];
    } else if (header !== null) {
      body.push(line);
    }
  }
  flush();
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name ${c.name} in ${CASES_FILE}`);
    names.add(c.name);
  }
  return cases;
}

export function readGolden(): Golden {
  return JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as Golden;
}

const FIELDS = ["kind", "msg", "lineno", "offset", "end_lineno", "end_offset", "text"] as const;

export type CaseOutcome = { case: GoldenCase; ok: true } | { case: GoldenCase; ok: false; why: string; fields: string[] };

/** Parses one golden case with our front end and compares the error with CPython's, field by field. */
export function checkCase(fe: FrontEnd, c: GoldenCase): CaseOutcome {
  let got: ReturnType<typeof errorRecordOf>;
  try {
    fe.parse(c.source, "<test>", c.mode);
    return { case: c, ok: false, why: "parsed without error", fields: ["accepted"] };
  } catch (e) {
    got = errorRecordOf(fe, e);
  }
  if (got.ok === "crash") return { case: c, ok: false, why: `JS exception ${got.message.split("\n")[0]}`, fields: ["crash"] };
  const ours = got as ErrorRecord;
  const fields = FIELDS.filter((f) => ours[f] !== c.expected[f]);
  const why = fields.map((f) => `${f}: ours ${JSON.stringify(ours[f])} cpython ${JSON.stringify(c.expected[f])}`).join("; ");
  return fields.length === 0 ? { case: c, ok: true } : { case: c, ok: false, why, fields };
}
