// Tokenizer tests: token kinds, values and UTF-8 byte positions for each lexical feature, and CPython's tokenizer errors.
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/compiler/tokenizer";
import { TokenType } from "../../src/compiler/tokenizerTypes";

const NAMES: Record<number, string> = {
  [TokenType.EndMarker]: "ENDMARKER",
  [TokenType.Name]: "NAME",
  [TokenType.Keyword]: "KEYWORD",
  [TokenType.Number]: "NUMBER",
  [TokenType.String]: "STRING",
  [TokenType.Newline]: "NEWLINE",
  [TokenType.Indent]: "INDENT",
  [TokenType.Dedent]: "DEDENT",
  [TokenType.Op]: "OP",
  [TokenType.FStringStart]: "FSTRING_START",
  [TokenType.FStringMiddle]: "FSTRING_MIDDLE",
  [TokenType.FStringEnd]: "FSTRING_END",
  [TokenType.ErrorEof]: "ERROR_EOF",
};

/** "KIND:value" for every token. */
function kinds(src: string): string[] {
  const r = tokenize(src);
  if (r.error) throw r.error;
  return r.tokens.map((t) => (t.value === "" ? NAMES[t.type] : `${NAMES[t.type]}:${t.value}`));
}

function positions(src: string): Array<[number, number, number, number]> {
  const r = tokenize(src);
  if (r.error) throw r.error;
  return r.tokens.map((t) => [t.lineno, t.col, t.endLineno, t.endCol]);
}

function error(src: string): [string, string, number, number] {
  const r = tokenize(src);
  const e = r.error ?? r.unclosed?.error;
  if (!e) throw new Error("no error");
  return [e.kind, e.msg, e.lineno, e.offset];
}

describe("tokenizer", () => {
  it("names, keywords, soft keywords, operators", () => {
    expect(kinds("match x: type = _ if a else b\n")).toEqual([
      "NAME:match", "NAME:x", "OP::", "NAME:type", "OP:=", "NAME:_", "KEYWORD:if", "NAME:a", "KEYWORD:else", "NAME:b", "NEWLINE", "ENDMARKER",
    ]);
    expect(kinds("a **= b // c ... -> := != <= >>= @\n").filter((k) => k.startsWith("OP"))).toEqual([
      "OP:**=", "OP://", "OP:...", "OP:->", "OP::=", "OP:!=", "OP:<=", "OP:>>=", "OP:@",
    ]);
  });

  it("INDENT/DEDENT with spaces and tabs; blank and comment lines do not count", () => {
    expect(kinds("if a:\n    b\n\n  # c\n    c\nd\n")).toEqual([
      "KEYWORD:if", "NAME:a", "OP::", "NEWLINE", "INDENT", "NAME:b", "NEWLINE", "NAME:c", "NEWLINE", "DEDENT", "NAME:d", "NEWLINE", "ENDMARKER",
    ]);
    expect(kinds("if a:\n\tif b:\n\t\tc\n").filter((k) => k === "INDENT" || k === "DEDENT")).toEqual(["INDENT", "INDENT", "DEDENT", "DEDENT"]);
  });

  it("implicit and explicit line joining", () => {
    expect(kinds("x = (1,\n     2)\ny = 1 + \\\n  2\n")).toEqual([
      "NAME:x", "OP:=", "OP:(", "NUMBER:1", "OP:,", "NUMBER:2", "OP:)", "NEWLINE", "NAME:y", "OP:=", "NUMBER:1", "OP:+", "NUMBER:2", "NEWLINE", "ENDMARKER",
    ]);
  });

  it("every numeric literal form", () => {
    const nums = kinds("0 00 0_0 1_000 0x_1F 0O17 0b1_0 1. .5 1e5 1E-5 1.5e+3 1_0.0_1 2j 1.5J 0777.5 1e5j\n").filter((k) => k.startsWith("NUMBER"));
    expect(nums).toEqual(["0", "00", "0_0", "1_000", "0x_1F", "0O17", "0b1_0", "1.", ".5", "1e5", "1E-5", "1.5e+3", "1_0.0_1", "2j", "1.5J", "0777.5", "1e5j"].map((n) => `NUMBER:${n}`));
    // A number directly followed by a keyword is still two tokens (CPython only warns).
    expect(kinds("1if x else 2\n").slice(0, 2)).toEqual(["NUMBER:1", "KEYWORD:if"]);
  });

  it("string prefixes in any case and triple quotes", () => {
    const strs = kinds("r'a' U'b' B'c' bR'd' Rb'e' '''f\n''' \"\"\"g\"\"\" 'h\\'i'\n").filter((k) => k.startsWith("STRING"));
    expect(strs).toEqual(["STRING:r'a'", "STRING:U'b'", "STRING:B'c'", "STRING:bR'd'", "STRING:Rb'e'", "STRING:'''f\n'''", 'STRING:"""g"""', "STRING:'h\\'i'"]);
  });

  it("PEP 701 f-strings: nested quotes, nested fields, format specs, doubled braces", () => {
    expect(kinds("f'a{x!r:>{w}}b{{c}}{\"q\"}'\n")).toEqual([
      "FSTRING_START:f'", "FSTRING_MIDDLE:a", "OP:{", "NAME:x", "OP:!", "NAME:r", "OP::", "FSTRING_MIDDLE:>", "OP:{", "NAME:w", "OP:}", "OP:}",
      "FSTRING_MIDDLE:b{c}", "OP:{", 'STRING:"q"', "OP:}", "FSTRING_END:'", "NEWLINE", "ENDMARKER",
    ]);
    expect(kinds("f'{f'{1}'}'\n").slice(0, 7)).toEqual(["FSTRING_START:f'", "OP:{", "FSTRING_START:f'", "OP:{", "NUMBER:1", "OP:}", "FSTRING_END:'"]);
    expect(kinds("f'{x!=y}'\n").slice(1, 5)).toEqual(["OP:{", "NAME:x", "OP:!=", "NAME:y"]);
    expect(kinds("rf'\\{x}'\n").slice(0, 3)).toEqual(["FSTRING_START:rf'", "FSTRING_MIDDLE:\\", "OP:{"]);
  });

  it("multi-line replacement fields and \\N{...} inside f-strings", () => {
    expect(kinds("f'''{\nx\n}'''\n")).toEqual(["FSTRING_START:f'''", "OP:{", "NAME:x", "OP:}", "FSTRING_END:'''", "NEWLINE", "ENDMARKER"]);
    expect(kinds("f'\\N{BULLET} {x}'\n").slice(0, 3)).toEqual(["FSTRING_START:f'", "FSTRING_MIDDLE:\\N{BULLET} ", "OP:{"]);
  });

  it("non-ASCII identifiers are NFKC-normalised; columns count UTF-8 bytes", () => {
    expect(kinds("ﬁ = 'é'\n")[0]).toBe("NAME:fi");
    expect(positions("é = 'ü'\n").slice(0, 3)).toEqual([
      [1, 0, 1, 2],
      [1, 3, 1, 4],
      [1, 5, 1, 9],
    ]);
  });

  it("CRLF and CR line endings are newlines", () => {
    expect(kinds("a\r\nb\rc\n")).toEqual(["NAME:a", "NEWLINE", "NAME:b", "NEWLINE", "NAME:c", "NEWLINE", "ENDMARKER"]);
  });

  it("adds the NEWLINE CPython adds at the end of input", () => {
    expect(kinds("x")).toEqual(["NAME:x", "NEWLINE", "ENDMARKER"]);
    expect(kinds("if x:\n  y")).toEqual(["KEYWORD:if", "NAME:x", "OP::", "NEWLINE", "INDENT", "NAME:y", "NEWLINE", "DEDENT", "ENDMARKER"]);
  });

  it("CPython's tokenizer errors", () => {
    expect(error("x = 'abc\n")).toEqual(["SyntaxError", "unterminated string literal (detected at line 1)", 1, 5]);
    expect(error("x = '''abc\n\n")).toEqual(["SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5]);
    expect(error("f'abc\n")).toEqual(["SyntaxError", "unterminated f-string literal (detected at line 1)", 1, 1]);
    expect(error("1abc\n")).toEqual(["SyntaxError", "invalid decimal literal", 1, 1]);
    expect(error("0x\n")).toEqual(["SyntaxError", "invalid hexadecimal literal", 1, 2]);
    expect(error("0o8\n")).toEqual(["SyntaxError", "invalid digit '8' in octal literal", 1, 3]);
    expect(error("0b12\n")).toEqual(["SyntaxError", "invalid digit '2' in binary literal", 1, 4]);
    expect(error("1__0\n")).toEqual(["SyntaxError", "invalid decimal literal", 1, 2]);
    expect(error("1jx\n")).toEqual(["SyntaxError", "invalid imaginary literal", 1, 2]);
    expect(error("x = 0777\n")[1]).toBe("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    expect(error("€ = 1\n")).toEqual(["SyntaxError", "invalid character '€' (U+20AC)", 1, 1]);
    expect(error("a\u00a0= 1\n")).toEqual(["SyntaxError", "invalid non-printable character U+00A0", 1, 2]);
    expect(error("x = )\n")).toEqual(["SyntaxError", "unmatched ')'", 1, 5]);
    expect(error("x = (]\n")).toEqual(["SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6]);
    expect(error("x = (\n]\n")[1]).toBe("closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    expect(error("x = (\n")).toEqual(["SyntaxError", "'(' was never closed", 1, 5]);
    expect(error("x = 1 \\ 2\n")).toEqual(["SyntaxError", "unexpected character after line continuation character", 1, 8]);
    expect(error("f'}'\n")).toEqual(["SyntaxError", "f-string: single '}' is not allowed", 1, 3]);
    expect(error("if x:\n    a\n  b\n")).toEqual(["IndentationError", "unindent does not match any outer indentation level", 3, 4]);
    expect(error("if x:\n\ta\n        b\n")).toEqual(["TabError", "inconsistent use of tabs and spaces in indentation", 3, 1]);
    expect(error("x = " + "(".repeat(201))).toEqual(["SyntaxError", "too many nested parentheses", 1, 205]);
  });
});
