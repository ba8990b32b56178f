// Golden syntax errors: every invalid program of golden/syntax-error-cases.txt fails with CPython 3.12.7's class, message, line, offsets and text, and prints the same.
import { describe, expect, it } from "vitest";
import { loadFrontEnd } from "../support/frontEnd";
import { baselineNote, partition } from "../support/knownFailures";
import { type CaseOutcome, checkCase, readCases, readGolden } from "../support/syntaxErrorCases";

// Messages the issue names; each must be covered by at least one golden case ("N" stands for a line number).
const REQUIRED_MESSAGES = [
  "invalid syntax",
  "expected ':'",
  "invalid syntax. Perhaps you forgot a comma?",
  "'(' was never closed",
  "unmatched ')'",
  "closing parenthesis ']' does not match opening parenthesis '('",
  "unterminated string literal (detected at line N)",
  "unterminated triple-quoted string literal (detected at line N)",
  "expected an indented block after 'if' statement on line N",
  "expected an indented block after 'for' statement on line N",
  "expected an indented block after 'while' statement on line N",
  "expected an indented block after function definition on line N",
  "expected an indented block after class definition on line N",
  "expected an indented block after 'with' statement on line N",
  "expected an indented block after 'try' statement on line N",
  "expected an indented block after 'except' statement on line N",
  "expected an indented block after 'finally' statement on line N",
  "expected an indented block after 'elif' statement on line N",
  "expected an indented block after 'else' statement on line N",
  "expected an indented block after 'match' statement on line N",
  "expected an indented block after 'case' statement on line N",
  "unexpected indent",
  "unindent does not match any outer indentation level",
  "cannot assign to function call here. Maybe you meant '==' instead of '='?",
  "invalid decimal literal",
  "f-string: expecting '}'",
  "inconsistent use of tabs and spaces in indentation",
  "cannot assign to literal",
  "cannot assign to expression",
  "positional argument follows keyword argument",
  "iterable argument unpacking follows keyword argument unpacking",
  "invalid character '€' (U+20AC)",
  "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
  "did you forget parentheses around the comprehension target?",
  "Generator expression must be parenthesized",
  "expected 'except' or 'finally' block",
  "cannot use starred expression here",
  "named arguments must follow bare *",
];

describe("golden syntax errors (CPython 3.12.7)", () => {
  const golden = readGolden();

  it("the golden JSON is up to date with syntax-error-cases.txt (regenerate: npx tsx test/support/genSyntaxErrors.ts)", () => {
    const cases = readCases();
    expect(golden.cases.map((c) => [c.name, c.mode, c.source])).toEqual(cases.map((c) => [c.name, c.mode, c.source]));
    expect(golden.cases.length).toBeGreaterThanOrEqual(200);
  });

  it("covers every error message the issue lists", () => {
    const messages = new Set(golden.cases.map((c) => c.expected.msg.replace(/line \d+/g, "line N")));
    expect(REQUIRED_MESSAGES.filter((m) => !messages.has(m))).toEqual([]);
  });

  it("formatSyntaxError prints every case's error as CPython 3.12.7 does", async () => {
    const fe = await loadFrontEnd();
    const bad: string[] = [];
    for (const c of golden.cases) {
      let printed: string;
      try {
        fe.parse(c.source, "<test>", c.mode);
        printed = "<parsed without error>";
      } catch (e) {
        printed = e instanceof fe.PySyntaxError ? fe.formatSyntaxError(e) : `<JS exception ${String(e)}>`;
      }
      if (printed !== c.printed) bad.push(`${c.name}: ours ${JSON.stringify(printed)}\n  cpython ${JSON.stringify(c.printed)}`);
    }
    const names = bad.map((b) => b.slice(0, b.indexOf(":")));
    const p = partition("syntax-errors-printed", names);
    console.log(`printed syntax errors: ${golden.cases.length - bad.length} / ${golden.cases.length} as CPython prints them. ${baselineNote(p)}`);
    const unexpected = bad.filter((_b, i) => p.unexpected.includes(names[i]));
    if (unexpected.length > 0) {
      throw new Error(`${unexpected.length} printed errors differ (not in known-failures.json):\n${unexpected.slice(0, 60).join("\n")}`);
    }
  });

  it("every case fails exactly as in CPython 3.12.7", async () => {
    const fe = await loadFrontEnd();
    const outcomes = golden.cases.map((c) => checkCase(fe, c));
    const failures = outcomes.filter((o): o is Extract<CaseOutcome, { ok: false }> => !o.ok);
    const byMessage = new Map<string, number>();
    for (const f of failures) byMessage.set(f.case.expected.msg, (byMessage.get(f.case.expected.msg) ?? 0) + 1);
    const top = [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(
      `syntax errors: ${outcomes.length - failures.length} / ${outcomes.length} match CPython 3.12.7\n` +
        (top.length ? `failing expected messages (count): ${top.map(([m, n]) => `${n}× ${m}`).join(" | ")}` : ""),
    );
    const p = partition("syntax-errors", failures.map((f) => f.case.name));
    if (baselineNote(p)) console.log(baselineNote(p));
    if (p.unexpected.length > 0) {
      const lines = failures.filter((f) => p.unexpected.includes(f.case.name)).map((f) => `${f.case.name}: ${f.why}`);
      throw new Error(`${lines.length} of ${outcomes.length} cases differ (not in known-failures.json):\n${lines.slice(0, 120).join("\n")}`);
    }
  });
});
