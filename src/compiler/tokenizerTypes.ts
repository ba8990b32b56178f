// Token kinds and the token record produced by the tokenizer and consumed by the parser.

export const enum TokenType {
  EndMarker,
  Name,
  Keyword,
  Number,
  String,
  Newline,
  Indent,
  Dedent,
  Op,
  FStringStart,
  FStringMiddle,
  FStringEnd,
  /** Produced at end of input while brackets are still open (CPython's ERRORTOKEN at EOF). */
  ErrorEof,
}

/**
 * One token. `start`/`end` index the (newline-normalised) source string; `col`/`endCol` are UTF-8 byte
 * columns as CPython reports them in the AST.
 */
export interface Token {
  type: TokenType;
  /** NAME/KEYWORD: the (NFKC-normalised) identifier; OP: the operator text; NUMBER/STRING: the source text; FSTRING_MIDDLE: the literal text with doubled braces collapsed. */
  value: string;
  start: number;
  end: number;
  lineno: number;
  col: number;
  endLineno: number;
  endCol: number;
}

/** Hard keywords of Python 3.12 (soft keywords match/case/type/_ are NAME tokens). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);
