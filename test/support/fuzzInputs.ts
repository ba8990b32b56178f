// Input generators shared by the parser fuzz tests and the status report: token soups, mutated stdlib snippets, byte prefixes.
import fc from "fast-check";
import type { ParseMode } from "./frontEnd";

/** The fixed seed of the fuzz runs (PYPACK_FUZZ_SEED overrides), so that failures reproduce. */
export const FUZZ_SEED = Number(process.env.PYPACK_FUZZ_SEED ?? 20241125);

/** The inputs of the differential test: `count` mutated snippets ("#0", "#1", ...) and count/2 token soups ("soup#0", ...). */
export function differentialInputs(snippets: string[], count: number): Array<{ name: string; text: string }> {
  const mutated = fc.sample(mutatedSnippet(snippets), { seed: FUZZ_SEED, numRuns: count }).map((text, i) => ({ name: `#${i}`, text }));
  const soups = fc.sample(tokenSoup, { seed: FUZZ_SEED, numRuns: Math.floor(count / 2) }).map((text, i) => ({ name: `soup#${i}`, text }));
  return [...mutated, ...soups];
}

// Pieces of Python text that exercise the tokenizer's and parser's error paths when put together at random.
export const TOKENS = [
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

export const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom("", " ", " ", "\n", "    ")), { maxLength: 80 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(""));

// Starts of files that steer decodeSource: coding declarations (valid, unknown, multi-byte codecs), BOMs, none.
export const BYTE_PREFIXES = [
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

export const MODES: ParseMode[] = ["exec", "exec", "exec", "eval", "single", "func_type"];

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

/** Windows of 1-40 lines cut from `snippets` (dedented), with 0-4 random edits. */
export function mutatedSnippet(snippets: string[]): fc.Arbitrary<string> {
  return fc
  .record({ file: fc.nat(), line: fc.nat(), lines: fc.integer({ min: 1, max: 40 }), edits: fc.array(mutation, { maxLength: 4 }) })
  .map(({ file, line, lines, edits }) => {
    const all = snippets[file % snippets.length].split("\n");
    const start = line % Math.max(1, all.length);
    return edits.reduce(mutate, dedent(all.slice(start, start + lines)));
  });
}

