// Property tests: on mutated stdlib code, token soups, random text and very deep nesting the parser returns a tree or a PySyntaxError, never a JS exception, never hangs.
//
// Parsing happens in a child process (test/support/parseWorker.ts) so an input that hangs can be killed and reported.
// Runs are deterministic (fixed seed); PYPACK_FUZZ_SEED and PYPACK_FUZZ_RUNS (a multiplier) explore further.
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stdlibSources } from "../support/astCorpus";
import type { ParseMode } from "../support/frontEnd";
import type { Reply } from "../support/parseWorker";

/** Longest time one input may take before it counts as a hang (generous: parsing these inputs takes milliseconds). */
const PER_INPUT_LIMIT_MS = 2000;
const SEED = Number(process.env.PYPACK_FUZZ_SEED ?? 20241125);
const RUNS = Number(process.env.PYPACK_FUZZ_RUNS ?? 1);

type Result = Reply | { id: number; outcome: "timeout"; message: string; ms: number };

/** A parser child process; restarted after a hang. */
class ParserProcess {
  private child: ChildProcess | null = null;
  private nextId = 0;
  private pending: ((r: Reply) => void) | null = null;

  async start(): Promise<void> {
    const child = fork(resolve(__dirname, "../support/parseWorker.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    this.child = child;
    child.on("message", (r: Reply) => this.pending?.(r));
    const ready = await this.wait(60_000);
    if (ready.outcome !== "tree") throw new Error(`parser worker failed to start: ${ready.message}`);
  }

  private wait(ms: number): Promise<Result> {
    return new Promise((res) => {
      const timer = setTimeout(() => {
        this.pending = null;
        res({ id: -2, outcome: "timeout", message: `no answer within ${ms} ms`, ms });
      }, ms);
      this.pending = (r) => {
        clearTimeout(timer);
        this.pending = null;
        res(r);
      };
    });
  }

  async parse(source: string, mode: ParseMode = "exec", bytes?: Uint8Array): Promise<Result> {
    if (this.child === null) await this.start();
    const id = this.nextId++;
    const answer = this.wait(PER_INPUT_LIMIT_MS);
    this.child!.send({ id, source, mode, bytes: bytes ? [...bytes] : undefined });
    const r = await answer;
    if (r.outcome === "timeout") {
      this.stop();
      await this.start();
    }
    return r;
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = null;
  }
}

const worker = new ParserProcess();
let snippets: string[] = [];

beforeAll(async () => {
  snippets = stdlibSources().map((s) => new TextDecoder().decode(s.bytes));
  await worker.start();
});
afterAll(() => worker.stop());

/** Fails with the input when the parser crashed or hung on it. */
function assertClean(r: Result, source: string): void {
  if (r.outcome === "crash" || r.outcome === "timeout") {
    throw new Error(`${r.outcome} on input ${JSON.stringify(source.slice(0, 2000))}:\n${r.message}`);
  }
}

// Pieces of Python text that exercise the tokenizer's and parser's error paths when put together at random.
const TOKENS = [
  ...["if", "elif", "else", "for", "while", "in", "not", "and", "or", "is", "def", "class", "return", "yield", "lambda"],
  ...["try", "except", "except*", "finally", "with", "as", "async", "await", "match", "case", "type", "_", "import", "from"],
  ...["global", "nonlocal", "del", "pass", "break", "continue", "raise", "assert", "None", "True", "False", "print"],
  ...["x", "y", "f", "self", "é", "ℌ", "x1", "__debug__"],
  ...["0", "1", "0x1f", "0o7", "0b1", "1_000", "1.5", "1e10", "2j", "09", "1__2", "0x", "1.e", "1_"],
  ...["'a'", '"b"', "'''c'''", '"""d"""', "b'e'", "rb'\\x'", "'\\N{EURO SIGN}'", "'\\N{", "'", '"', "'''", '"""'],
  ...["f'", 'f"', "f'''", "rf'", "{", "}", "{{", "}}", "!r", "!s", "!z", "=", ":", ":>10", "{x}", "{x=}", "{x!r:{y}}"],
  ...["(", ")", "[", "]", ",", ";", ".", "...", "->", ":=", "+", "-", "*", "**", "/", "//", "%", "@", "<<", ">>", "&", "|", "^", "~"],
  ...["<", ">", "<=", ">=", "==", "!=", "+=", "-=", "**=", "|=", "<>", "!", "$", "?", "`", "€", "\\"],
  ...["\n", "\n", "\n", "    ", "\t", "\f", "\r\n", "\r", "#", "# comment\n", "\\\n", "\ufeff", "\u00a0", "\u200b", "\0"],
];

const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom("", " ", " ", "\n", "    ")), { maxLength: 80 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(""));

// Starts of files that steer decodeSource: coding declarations (valid, unknown, multi-byte codecs), BOMs, none.
const BYTE_PREFIXES = [
  "",
  "x = '",
  "# coding: latin-1\n",
  "# -*- coding: utf-8 -*-\n",
  "#!/bin/python\n# vim: set fileencoding=cp1252 :\n",
  "# coding: shift_jis\nx = '",
  "# coding: euc-jp\n",
  "# coding: utf-16\n",
  "# coding: nonsense\n",
  "# coding:",
  "\xef\xbb\xbf",
  "\xef\xbb\xbf# coding: latin-1\n",
  "\xfe\xff",
];

const MODES: ParseMode[] = ["exec", "exec", "exec", "eval", "single", "func_type"];

/** One edit of a snippet: delete, duplicate, insert a token, swap, change indentation, or cut. */
type Mutation = { kind: "delete" | "duplicate" | "insert" | "swap" | "indent" | "cut"; at: number; len: number; token: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("delete", "duplicate", "insert", "insert", "swap", "indent", "cut"),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  token: fc.constantFrom(...TOKENS),
});

function mutate(text: string, m: Mutation): string {
  if (text.length === 0) return m.token;
  const at = m.at % text.length;
  switch (m.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + m.len);
    case "duplicate":
      return text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
    case "insert":
      return text.slice(0, at) + m.token + text.slice(at);
    case "swap":
      return text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) + text.slice(at + 2);
    case "indent": {
      const lineStart = text.lastIndexOf("\n", at) + 1;
      return text.slice(0, lineStart) + ["\t", " ", "  ", "\f", ""][m.len % 5] + text.slice(lineStart);
    }
    case "cut":
      return text.slice(0, at);
  }
}

/** Joins lines after removing their common indentation, so a window cut from a function body can stand alone. */
function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join("\n") + "\n";
}

const mutatedSnippet = fc
  .record({ file: fc.nat(), line: fc.nat(), lines: fc.integer({ min: 1, max: 40 }), edits: fc.array(mutation, { maxLength: 4 }) })
  .map(({ file, line, lines, edits }) => {
    const all = snippets[file % snippets.length].split("\n");
    const start = line % Math.max(1, all.length);
    return edits.reduce(mutate, dedent(all.slice(start, start + lines)));
  });

async function checkProperty(label: string, arb: fc.Arbitrary<[string, ParseMode]>, numRuns: number): Promise<void> {
  const outcomes: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(arb, async ([source, mode]) => {
      const r = await worker.parse(source, mode);
      outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
      assertClean(r, source);
    }),
    { numRuns: numRuns * RUNS, seed: SEED, endOnFailure: false, interruptAfterTimeLimit: 240_000 },
  );
  // The mix shows the inputs reach both the error paths and the tree-building paths.
  console.log(`${label}: ${JSON.stringify(outcomes)} (seed ${SEED})`);
}

describe("parser robustness (fast-check)", () => {
  it("mutated stdlib snippets", { timeout: 300_000 }, async () => {
    await checkProperty("mutated stdlib snippets", fc.tuple(mutatedSnippet, fc.constantFrom(...MODES)), 2000);
  });

  it("random token soups", { timeout: 300_000 }, async () => {
    await checkProperty("token soups", fc.tuple(tokenSoup, fc.constantFrom(...MODES)), 2000);
  });

  it("random bytes behind coding declarations and BOMs, through decodeSource", { timeout: 300_000 }, async () => {
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BYTE_PREFIXES), fc.uint8Array({ maxLength: 120 }), async (prefix, tail) => {
        const data = new Uint8Array([...Buffer.from(prefix, "latin1"), ...tail]);
        const r = await worker.parse("", "exec", data);
        outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
        assertClean(r, `bytes ${Buffer.from(data).toString("hex")}`);
      }),
      { numRuns: 1000 * RUNS, seed: SEED, endOnFailure: false, interruptAfterTimeLimit: 240_000 },
    );
    console.log(`random bytes: ${JSON.stringify(outcomes)} (seed ${SEED})`);
  });

  it("random text (any code points, lone surrogates included)", { timeout: 300_000 }, async () => {
    await checkProperty("random text", fc.tuple(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(...MODES)), 500);
  });
});

// Inputs near and far past CPython's nesting limits; [name, source].
const DEEP: Array<[string, string]> = [
  ["parens-199", `${"(".repeat(199)}1${")".repeat(199)}`],
  ["parens-201", `${"(".repeat(201)}1${")".repeat(201)}`],
  ["brackets-5000-open", "[".repeat(5000)],
  ["unary-minus-100k", `${"-".repeat(100_000)}1`],
  ["not-20k", `${"not ".repeat(20_000)}x`],
  ["attribute-chain-100k", `a${".b".repeat(100_000)}`],
  ["call-chain-100k", `f${"()".repeat(100_000)}`],
  ["sum-100k", Array(100_000).fill("x").join("+")],
  ["power-100k", Array(100_000).fill("2").join("**")],
  ["lambda-5000", `${"lambda:".repeat(5000)}1`],
  ["ifexp-10k", `${"1 if x else ".repeat(10_000)}2`],
  ["indent-99", Array.from({ length: 99 }, (_, i) => `${" ".repeat(i)}if x:\n`).join("") + `${" ".repeat(99)}pass\n`],
  ["indent-200", Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}if x:\n`).join("") + `${" ".repeat(200)}pass\n`],
  ["long-line-1MB", `x = ${"1 + ".repeat(250_000)}1\n`],
  ["many-statements-100k", "x = 1\n".repeat(100_000)],
  ["long-string-1MB", `x = '${"a".repeat(1_000_000)}'\n`],
];

describe("deep and large inputs", () => {
  it("never crash or hang; where CPython raises a SyntaxError, the same one", { timeout: 300_000 }, async () => {
    // CPython's own outcome for each input (python3 3.11: none of these involve 3.12-only syntax).
    const script = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try:
        ast.parse(src); out.append("ok")
    except SyntaxError as e: out.append(type(e).__name__ + ": " + e.msg)
    except (MemoryError, RecursionError) as e: out.append(type(e).__name__)
print(json.dumps(out))`;
    const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(DEEP.map((d) => d[1])), encoding: "utf8", maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    const cpython = JSON.parse(r.stdout) as string[];
    const problems: string[] = [];
    const notes: string[] = [];
    for (const [i, [name, source]] of DEEP.entries()) {
      const ours = await worker.parse(source);
      const oursText = ours.outcome === "tree" ? "ok" : ours.message.split("\n")[0];
      if (ours.outcome === "crash" || ours.outcome === "timeout") problems.push(`${name}: ${ours.outcome} ${oursText}`);
      else if (/Error: /.test(cpython[i]) && oursText !== cpython[i]) problems.push(`${name}: ours ${oursText}, CPython ${cpython[i]}`);
      else if (oursText !== cpython[i]) notes.push(`${name}: ours ${oursText}, CPython ${cpython[i]}`);
    }
    if (notes.length) console.log(`deep inputs where CPython runs out of parser stack (MemoryError/RecursionError):\n  ${notes.join("\n  ")}`);
    expect(problems).toEqual([]);
  });
});
