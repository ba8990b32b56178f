// Property tests: on mutated stdlib code, token soups, random text and very deep nesting the parser returns a tree or a PySyntaxError, never a JS exception, never hangs.
//
// Parsing happens in a child process (test/support/parseWorker.ts) so an input that hangs can be killed and reported.
// Runs are deterministic (fixed seed); PYPACK_FUZZ_SEED and PYPACK_FUZZ_RUNS (a multiplier) explore further.
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SourceFile, classify, pyodideVerdicts, stdlibSources, summarise } from "../support/astCorpus";
import type { ParseMode } from "../support/frontEnd";
import { BYTE_PREFIXES, FUZZ_SEED, MODES, differentialInputs, mutatedSnippet, tokenSoup } from "../support/fuzzInputs";
import { baselineNote, partition } from "../support/knownFailures";
import type { Reply } from "../support/parseWorker";

/** Longest time one input may take before it counts as a hang (generous: parsing these inputs takes milliseconds). */
const PER_INPUT_LIMIT_MS = 2000;
/** The same for the megabyte-sized inputs of the deep/large table (about 0.3 s each on an idle machine). */
const LARGE_INPUT_LIMIT_MS = 15_000;
const SEED = FUZZ_SEED;
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

  async parse(source: string, mode: ParseMode = "exec", bytes?: Uint8Array, record = false, limitMs = PER_INPUT_LIMIT_MS): Promise<Result> {
    if (this.child === null) await this.start();
    const id = this.nextId++;
    const answer = this.wait(limitMs);
    this.child!.send({ id, source, mode, bytes: bytes ? [...bytes] : undefined, record });
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
    await checkProperty("mutated stdlib snippets", fc.tuple(mutatedSnippet(snippets), fc.constantFrom(...MODES)), 2000);
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

describe("differential: mutated stdlib snippets and token soups vs CPython 3.12.7", () => {
  it("accept/reject, dump and error (class, message, line) agree with CPython", { timeout: 300_000 }, async () => {
    const sources: SourceFile[] = differentialInputs(snippets, 1500 * RUNS).map(({ name, text }) => ({
      name,
      bytes: new TextEncoder().encode(text),
      origin: { path: "" },
    }));
    const expected = await pyodideVerdicts("fuzz-differential", sources);
    const results = [];
    for (const s of sources) {
      const r = await worker.parse("", "exec", s.bytes, true);
      if (r.outcome === "crash" || r.outcome === "timeout" || r.record === undefined) {
        assertClean(r, new TextDecoder().decode(s.bytes));
        throw new Error("worker returned no record");
      }
      results.push(classify(s.name, r.record, expected.get(s.name)!));
    }
    const { counts, lines } = summarise(results);
    const failing = results.filter((r) => r.outcome !== "equal" && r.outcome !== "both reject, same error");
    const p = partition("fuzz-differential", failing.map((r) => r.name));
    const byName = new Map(sources.map((s) => [s.name, new TextDecoder().decode(s.bytes)]));
    const news = failing.filter((r) => p.unexpected.includes(r.name));
    const shown = news.slice(0, 30).map((r) => `${r.outcome}: ${r.name} — ${r.detail}\n    source: ${JSON.stringify(byName.get(r.name))}`);
    console.log(`differential fuzz (seed ${SEED}): ${JSON.stringify(counts)}; ${baselineNote(p)}`);
    if (news.length > 0) throw new Error(`${news.length} inputs disagree with CPython (not in known-failures.json):\n${shown.join("\n")}`);
    expect(lines.length).toBe(failing.length);
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
      const ours = await worker.parse(source, "exec", undefined, false, LARGE_INPUT_LIMIT_MS);
      const oursText = ours.outcome === "tree" ? "ok" : ours.message.split("\n")[0];
      if (ours.outcome === "crash" || ours.outcome === "timeout") problems.push(`${name}: ${ours.outcome} ${oursText}`);
      else if (/Error: /.test(cpython[i]) && oursText !== cpython[i]) problems.push(`${name}: ours ${oursText}, CPython ${cpython[i]}`);
      else if (oursText !== cpython[i]) notes.push(`${name}: ours ${oursText}, CPython ${cpython[i]}`);
    }
    if (notes.length) console.log(`deep inputs where CPython runs out of parser stack (MemoryError/RecursionError):\n  ${notes.join("\n  ")}`);
    expect(problems).toEqual([]);
  });
});
