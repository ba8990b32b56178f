// Python 3.12 tokenizer: turns (decoded) source text into tokens, INDENT/DEDENT included, PEP 701 f-strings as
// FSTRING_START/MIDDLE/END with the replacement-field tokens in between, and CPython's tokenizer error messages.
import { Char, isAsciiIdentChar, isAsciiIdentStart, isDigit, isHexDigit, isIdentifierCharCodePoint, isIdentifierStartCodePoint, utf8Length } from "./characters";
import { PySyntaxError, SyntaxErrorKind } from "./errors";
import { KEYWORDS, Token, TokenType } from "./tokenizerTypes";

const TAB_SIZE = 8;
/** CPython's MAXLEVEL: maximum bracket nesting. */
const MAX_PAREN_LEVEL = 200;
/** CPython's MAXINDENT. */
const MAX_INDENT = 100;

export interface TokenizeResult {
  tokens: Token[];
  /** The tokenizer error that stopped tokenization, if any (tokens then end before it). */
  error: PySyntaxError | null;
  /** The error is one CPython raises only when the parser reaches it (indentation, line continuation). */
  errorDeferred: boolean;
  /** When the input ended inside brackets: the "'(' was never closed" error and the line of that bracket. */
  unclosed: { error: PySyntaxError; lineno: number } | null;
  /** The normalised source the token offsets refer to. */
  source: string;
}

interface Paren {
  ch: number;
  lineno: number;
  /** Index of the bracket in the source. */
  idx: number;
}

const enum ModeKind {
  FString,
  Expr,
  Spec,
}
interface FStringMode {
  kind: ModeKind.FString;
  quote: number;
  triple: boolean;
  raw: boolean;
  startIdx: number;
  startLine: number;
}
interface ExprMode {
  kind: ModeKind.Expr;
  /** parens.length right after the replacement field's '{' was pushed. */
  level: number;
  fstring: FStringMode;
}
interface SpecMode {
  kind: ModeKind.Spec;
  fstring: FStringMode;
}
type Mode = FStringMode | ExprMode | SpecMode;

/** Thrown internally to stop tokenizing; carries the Python error. */
class TokenizerStop {
  /**
   * `deferred`: an error state (E_DEDENT, E_TABSPACE, E_TOODEEP, E_LINECONT, E_EOF) that CPython reports only when the
   * parser fetches that token, not when it tokenizes the rest of the input after a syntax error.
   */
  constructor(
    readonly error: PySyntaxError,
    readonly deferred = false,
  ) {}
}


/** Normalises newlines the way CPython's tokenizer does (\r\n and lone \r become \n). */
function normaliseNewlines(src: string): string {
  if (src.indexOf("\r") < 0) return src;
  return src.replace(/\r\n?/g, "\n");
}

export function tokenize(source: string, filename = "<unknown>"): TokenizeResult {
  const t = new Tokenizer(normaliseNewlines(source), filename);
  return t.run();
}

class Tokenizer {
  readonly n: number;
  readonly ascii: boolean;
  pos = 0;
  lineno = 1;
  lineStart = 0;
  tokens: Token[] = [];
  parens: Paren[] = [];
  indents: number[] = [0];
  altIndents: number[] = [0];
  atLineStart = true;
  /** True while the current physical line holds only whitespace/comments so far (its newline is not a NEWLINE). */
  blankLine = false;
  modes: Mode[] = [];
  unclosed: TokenizeResult["unclosed"] = null;

  constructor(
    readonly src: string,
    readonly filename: string,
  ) {
    this.n = src.length;
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(src);
  }

  run(): TokenizeResult {
    let error: PySyntaxError | null = null;
    let errorDeferred = false;
    try {
      this.loop();
    } catch (e) {
      if (!(e instanceof TokenizerStop)) throw e;
      error = e.error;
      // CPython does not let an error found while inside an f-string replace the parser's error.
      errorDeferred = e.deferred || this.modes.length > 0;
      // Errors reported through the parser (the deferred kinds) show the line with its newline.
      if (e.deferred && error.text !== null && !error.text.endsWith("\n")) error.text += "\n";
    }
    return { tokens: this.tokens, error, errorDeferred, unclosed: this.unclosed, source: this.src };
  }

  // ---- positions and errors ----

  byteCol(idx: number, lineStart: number): number {
    return this.ascii ? idx - lineStart : utf8Length(this.src, lineStart, idx);
  }

  push(type: TokenType, value: string, start: number, startLine: number, startLineStart: number): Token {
    const tok: Token = {
      type,
      value,
      start,
      end: this.pos,
      lineno: startLine,
      col: this.byteCol(start, startLineStart),
      endLineno: this.lineno,
      endCol: this.byteCol(this.pos, this.lineStart),
    };
    this.tokens.push(tok);
    return tok;
  }

  /** Line number and line start of a source index (error paths only). */
  locate(idx: number): { lineno: number; lineStart: number } {
    let lineno = 1;
    let lineStart = 0;
    for (let i = 0; i < idx && i < this.n; i++) {
      if (this.src.charCodeAt(i) === Char.LineFeed) {
        lineno++;
        lineStart = i + 1;
      }
    }
    return { lineno, lineStart };
  }

  lineTextAt(lineStart: number, withNewline: boolean): string {
    let e = this.src.indexOf("\n", lineStart);
    if (e < 0) e = this.n;
    else if (withNewline) e++;
    return this.src.slice(lineStart, e);
  }

  /** Character (code point) count between two indices. */
  chars(from: number, to: number): number {
    if (this.ascii) return to - from;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = this.src.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff)) n++;
    }
    return n;
  }

  /** An error whose offsets are given as source indices (offset = chars before `startIdx` + 1, like CPython's known ranges). */
  errorAt(kind: SyntaxErrorKind, msg: string, offsetIdx: number, endIdx: number, withNewline = false): TokenizerStop {
    const { lineno, lineStart } = this.locate(offsetIdx);
    const end = this.locate(endIdx);
    const offset = this.chars(lineStart, offsetIdx) + 1;
    const endOffset = this.chars(end.lineStart, endIdx) + 1;
    return new TokenizerStop(new PySyntaxError(kind, msg, this.filename, lineno, offset, this.lineTextAt(lineStart, withNewline), end.lineno, endOffset));
  }

  /** CPython's syntaxerror(tok, ...): offset is the character count up to the current position. */
  errorHere(msg: string, at = this.pos): TokenizerStop {
    const { lineno, lineStart } = this.locate(at);
    const col = this.chars(lineStart, at);
    return new TokenizerStop(new PySyntaxError("SyntaxError", msg, this.filename, lineno, col, this.lineTextAt(lineStart, false), lineno, col));
  }

  // ---- main loop ----

  loop(): void {
    for (;;) {
      const mode = this.modes.length > 0 ? this.modes[this.modes.length - 1] : null;
      if (mode !== null && mode.kind !== ModeKind.Expr) {
        this.scanFStringLiteral(mode);
        continue;
      }
      if (this.atLineStart && this.parens.length === 0) {
        this.atLineStart = false;
        this.handleIndentation();
      }
      if (this.nextToken()) return;
    }
  }

  handleIndentation(): void {
    const src = this.src;
    let col = 0;
    let alt = 0;
    let p = this.pos;
    for (; p < this.n; p++) {
      const c = src.charCodeAt(p);
      if (c === Char.Space) {
        col++;
        alt++;
      } else if (c === Char.Tab) {
        col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE;
        alt++;
      } else if (c === Char.FormFeed) {
        col = alt = 0;
      } else break;
    }
    const c = p < this.n ? src.charCodeAt(p) : -1;
    if (c === Char.Hash || c === Char.LineFeed || c === -1) {
      // Blank lines, comment-only lines and the end of input do not affect indentation.
      this.blankLine = true;
      this.pos = p;
      return;
    }
    this.blankLine = false;
    const top = this.indents.length - 1;
    const lineStart = this.lineStart;
    if (col === this.indents[top]) {
      if (alt !== this.altIndents[top]) throw this.tabError(p);
    } else if (col > this.indents[top]) {
      if (this.indents.length >= MAX_INDENT) {
        throw new TokenizerStop(new PySyntaxError("IndentationError", "too many levels of indentation", this.filename, this.lineno, 1, this.lineTextAt(lineStart, true), this.lineno, 0), true);
      }
      if (alt <= this.altIndents[top]) throw this.tabError(p);
      this.indents.push(col);
      this.altIndents.push(alt);
      this.pos = p;
      this.push(TokenType.Indent, "", lineStart, this.lineno, lineStart);
    } else {
      // The target level is checked before any DEDENT is produced (CPython emits none for a bad unindent).
      let k = this.indents.length;
      while (k > 1 && col < this.indents[k - 1]) k--;
      if (col !== this.indents[k - 1]) {
        const text = this.lineTextAt(lineStart, true);
        const len = this.chars(lineStart, lineStart + text.replace(/\n$/, "").length);
        throw new TokenizerStop(new PySyntaxError("IndentationError", "unindent does not match any outer indentation level", this.filename, this.lineno, len + 1, text, this.lineno, -1), true);
      }
      if (alt !== this.altIndents[k - 1]) throw this.tabError(p);
      while (this.indents.length > k) {
        this.indents.pop();
        this.altIndents.pop();
        this.pos = p;
        this.push(TokenType.Dedent, "", p, this.lineno, lineStart);
      }
    }
    this.pos = p;
  }

  tabError(p: number): TokenizerStop {
    const { lineStart } = this.locate(p);
    return new TokenizerStop(new PySyntaxError("TabError", "inconsistent use of tabs and spaces in indentation", this.filename, this.lineno, 1, this.lineTextAt(lineStart, true), this.lineno, 0), true);
  }

  newline(): void {
    this.lineno++;
    this.lineStart = this.pos;
  }

  /** Reads one token (or skips whitespace/comments). Returns true after ENDMARKER. */
  nextToken(): boolean {
    const src = this.src;
    let c = this.pos < this.n ? src.charCodeAt(this.pos) : -1;
    // Skip spaces, tabs and form feeds.
    while (c === Char.Space || c === Char.Tab || c === Char.FormFeed) {
      c = ++this.pos < this.n ? src.charCodeAt(this.pos) : -1;
    }
    const start = this.pos;
    if (c === Char.Hash) {
      const e = src.indexOf("\n", this.pos);
      this.pos = e < 0 ? this.n : e;
      return false;
    }
    if (c === -1) return this.endOfInput();
    if (c === Char.LineFeed) {
      this.pos++;
      // A line holding only a backslash continuation and then nothing is blank too.
      const lastType = this.tokens.length > 0 ? this.tokens[this.tokens.length - 1].type : TokenType.Newline;
      if (this.parens.length > 0 || this.blankLine || lastType === TokenType.Newline || lastType === TokenType.Indent || lastType === TokenType.Dedent) {
        this.newline();
        if (this.parens.length === 0) this.atLineStart = true;
        return false;
      }
      this.push(TokenType.Newline, "", start, this.lineno, this.lineStart);
      this.newline();
      this.atLineStart = true;
      return false;
    }
    this.blankLine = false;
    if (c < 0x80 ? isAsciiIdentStart(c) : c !== 0xfeff) {
      this.scanIdentifierOrPrefixedString();
      return false;
    }
    if (isDigit(c) || (c === Char.Period && this.pos + 1 < this.n && isDigit(src.charCodeAt(this.pos + 1)))) {
      this.scanNumber();
      return false;
    }
    if (c === Char.SingleQuote || c === Char.DoubleQuote) {
      this.scanString(start, 0);
      return false;
    }
    if (c === Char.Backslash) {
      const next = this.pos + 1 < this.n ? src.charCodeAt(this.pos + 1) : -1;
      if (next === Char.LineFeed) {
        this.pos += 2;
        this.newline();
        if (this.pos >= this.n) {
          const lineStart = this.locate(start).lineStart;
          const off = this.chars(lineStart, start) + 2;
          throw new TokenizerStop(new PySyntaxError("SyntaxError", "unexpected EOF while parsing", this.filename, this.lineno - 1, off, this.lineTextAt(lineStart, true), this.lineno - 1, -1), true);
        }
        return false;
      }
      if (next === -1) {
        this.pos++;
        const lineStart = this.lineStart;
        const off = this.chars(lineStart, start) + 2;
        throw new TokenizerStop(new PySyntaxError("SyntaxError", "unexpected EOF while parsing", this.filename, this.lineno, off, this.lineTextAt(lineStart, true), this.lineno, -1), true);
      }
      const off = this.chars(this.lineStart, start) + 2;
      throw new TokenizerStop(new PySyntaxError("SyntaxError", "unexpected character after line continuation character", this.filename, this.lineno, off, this.lineTextAt(this.lineStart, true), this.lineno, 0), true);
    }
    this.scanOperator(c, start);
    return false;
  }

  endOfInput(): boolean {
    const start = this.pos;
    // End of input inside an f-string replacement field: its '{' is reported as never closed below.
    if (this.parens.length > 0) {
      const p = this.parens[this.parens.length - 1];
      const { lineStart } = this.locate(p.idx);
      const sameLine = p.lineno === this.lineno || (p.lineno === this.lineno - 1 && this.lineStart === this.n);
      let text = this.lineTextAt(lineStart, sameLine);
      if (sameLine && !text.endsWith("\n")) text += "\n";
      const err = new PySyntaxError("SyntaxError", `'${String.fromCharCode(p.ch)}' was never closed`, this.filename, p.lineno, this.chars(lineStart, p.idx) + 1, text, p.lineno, 0);
      this.unclosed = { error: err, lineno: p.lineno };
      this.push(TokenType.ErrorEof, "", start, this.lineno, this.lineStart);
      return true;
    }
    const last = this.tokens.length > 0 ? this.tokens[this.tokens.length - 1].type : TokenType.Newline;
    if (last !== TokenType.Newline && last !== TokenType.Dedent && last !== TokenType.Indent) {
      // CPython adds an implicit newline at the end of the last line.
      const tok = this.push(TokenType.Newline, "", start, this.lineno, this.lineStart);
      tok.endCol = tok.col + 1;
    }
    while (this.indents.length > 1) {
      this.indents.pop();
      this.altIndents.pop();
      this.push(TokenType.Dedent, "", start, this.lineno, this.lineStart);
    }
    const eolLine = this.lineStart === this.n ? this.lineno : this.lineno + 1;
    const tok = this.push(TokenType.EndMarker, "", this.n, eolLine, this.n);
    tok.col = tok.endCol = 0;
    tok.endLineno = eolLine;
    return true;
  }

  /** The operator starting at `start` (longest match), as a constant string, or null for a character that is none. */
  operatorAt(c: number, start: number): string | null {
    const src = this.src;
    const c1 = start + 1 < this.n ? src.charCodeAt(start + 1) : -1;
    const c2 = start + 2 < this.n ? src.charCodeAt(start + 2) : -1;
    const eq1 = c1 === Char.Equal;
    switch (c) {
      case Char.OpenParen:
        return "(";
      case Char.CloseParen:
        return ")";
      case Char.OpenBracket:
        return "[";
      case Char.CloseBracket:
        return "]";
      case Char.OpenBrace:
        return "{";
      case Char.CloseBrace:
        return "}";
      case Char.Comma:
        return ",";
      case Char.Semicolon:
        return ";";
      case Char.Tilde:
        return "~";
      case Char.Colon:
        return eq1 ? ":=" : ":";
      case Char.Period:
        return c1 === Char.Period && c2 === Char.Period ? "..." : ".";
      case Char.Equal:
        return eq1 ? "==" : "=";
      case Char.Bang:
        return eq1 ? "!=" : "!";
      case Char.Plus:
        return eq1 ? "+=" : "+";
      case Char.Minus:
        return eq1 ? "-=" : c1 === Char.Greater ? "->" : "-";
      case Char.Percent:
        return eq1 ? "%=" : "%";
      case Char.Ampersand:
        return eq1 ? "&=" : "&";
      case Char.Bar:
        return eq1 ? "|=" : "|";
      case Char.Caret:
        return eq1 ? "^=" : "^";
      case Char.At:
        return eq1 ? "@=" : "@";
      case Char.Asterisk:
        if (c1 === Char.Asterisk) return c2 === Char.Equal ? "**=" : "**";
        return eq1 ? "*=" : "*";
      case Char.Slash:
        if (c1 === Char.Slash) return c2 === Char.Equal ? "//=" : "//";
        return eq1 ? "/=" : "/";
      case Char.Less:
        if (c1 === Char.Less) return c2 === Char.Equal ? "<<=" : "<<";
        return eq1 ? "<=" : c1 === Char.Greater ? "<>" : "<";
      case Char.Greater:
        if (c1 === Char.Greater) return c2 === Char.Equal ? ">>=" : ">>";
        return eq1 ? ">=" : ">";
      default:
        return null;
    }
  }

  scanOperator(c: number, start: number): void {
    const mode = this.modes.length > 0 ? this.modes[this.modes.length - 1] : null;
    if (c === Char.Colon && mode !== null && mode.kind === ModeKind.Expr && this.parens.length === mode.level) {
      // Top level of a replacement field: ':' starts the format spec (even before '=').
      this.pos = start + 1;
      this.push(TokenType.Op, ":", start, this.lineno, this.lineStart);
      this.modes.push({ kind: ModeKind.Spec, fstring: mode.fstring });
      return;
    }
    let value = this.operatorAt(c, start);
    if (value === null) {
      // '$', '?', '`' are tokens no grammar rule accepts (a generic "invalid syntax" from the parser).
      if (c > 32 && c < 127) value = String.fromCharCode(c);
      else this.invalidCharacter(start);
    }
    this.pos = start + value.length;
    if (value.length === 1) {
      if (c === Char.OpenParen || c === Char.OpenBracket || c === Char.OpenBrace) {
        if (this.parens.length >= MAX_PAREN_LEVEL) throw this.errorHere("too many nested parentheses", this.pos);
        this.parens.push({ ch: c, lineno: this.lineno, idx: start });
      } else if (c === Char.CloseParen || c === Char.CloseBracket || c === Char.CloseBrace) {
        this.closeBracket(c, start);
        if (mode !== null && mode.kind === ModeKind.Expr && this.parens.length === mode.level - 1 && c === Char.CloseBrace) {
          this.modes.pop();
        }
      }
    }
    this.push(TokenType.Op, value, start, this.lineno, this.lineStart);
  }

  closeBracket(c: number, start: number): void {
    const mode = this.modes.length > 0 ? this.modes[this.modes.length - 1] : null;
    const inFString = mode !== null;
    const prefix = inFString ? "f-string: " : "";
    if (this.parens.length === 0 || (mode !== null && mode.kind === ModeKind.Expr && this.parens.length < mode.level)) {
      throw this.errorAt("SyntaxError", `${prefix}unmatched '${String.fromCharCode(c)}'`, start, start);
    }
    const open = this.parens[this.parens.length - 1];
    const expected = open.ch === Char.OpenParen ? Char.CloseParen : open.ch === Char.OpenBracket ? Char.CloseBracket : Char.CloseBrace;
    if (c !== expected) {
      if (mode !== null && mode.kind === ModeKind.Expr && this.parens.length === mode.level) {
        throw this.errorAt("SyntaxError", `f-string: unmatched '${String.fromCharCode(c)}'`, start, start);
      }
      const where = open.lineno !== this.lineno ? ` on line ${open.lineno}` : "";
      throw this.errorAt("SyntaxError", `closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis '${String.fromCharCode(open.ch)}'${where}`, start, start);
    }
    this.parens.pop();
  }

  invalidCharacter(idx: number): never {
    const cp = this.src.codePointAt(idx) ?? 0;
    const hex = cp.toString(16).toUpperCase().padStart(4, "0");
    const { lineStart } = this.locate(idx);
    const off = this.chars(lineStart, idx) + 1;
    const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp)) || cp === Char.Space;
    const msg = cp < 0x80 && printable ? null : printable ? `invalid character '${String.fromCodePoint(cp)}' (U+${hex})` : `invalid non-printable character U+${hex}`;
    if (msg === null) {
      // ASCII characters such as '$', '?' and '`' are ERRORTOKENs that the parser reports as "invalid syntax".
      throw new TokenizerStop(new PySyntaxError("SyntaxError", "invalid syntax", this.filename, this.locate(idx).lineno, off, this.lineTextAt(lineStart, true), this.locate(idx).lineno, off + 1));
    }
    throw new TokenizerStop(new PySyntaxError("SyntaxError", msg, this.filename, this.locate(idx).lineno, off, this.lineTextAt(lineStart, false), this.locate(idx).lineno, off));
  }

  // ---- identifiers ----

  scanIdentifierOrPrefixedString(): void {
    const src = this.src;
    const start = this.pos;
    let p = start;
    let nonAscii = false;
    while (p < this.n) {
      const c = src.charCodeAt(p);
      if (c < 0x80) {
        if (!isAsciiIdentChar(c)) break;
        p++;
      } else {
        nonAscii = true;
        const cp = src.codePointAt(p) ?? 0;
        if (!isIdentifierCharCodePoint(cp) && !isIdentifierStartCodePoint(cp)) break;
        p += cp > 0xffff ? 2 : 1;
      }
    }
    if (p === start) {
      // A non-ASCII character that cannot start an identifier.
      this.invalidCharacter(start);
    }
    // String prefixes: r, u, b, f and the two-letter combinations, in any case.
    if (p < this.n && p - start <= 2) {
      const q = src.charCodeAt(p);
      if (q === Char.SingleQuote || q === Char.DoubleQuote) {
        const prefix = src.slice(start, p).toLowerCase();
        if (prefix === "r" || prefix === "u" || prefix === "b" || prefix === "br" || prefix === "rb") {
          this.pos = p;
          this.scanString(start, p - start);
          return;
        }
        if (prefix === "f" || prefix === "fr" || prefix === "rf") {
          this.pos = p;
          this.startFString(start, prefix.indexOf("r") >= 0);
          return;
        }
      }
    }
    let name = src.slice(start, p);
    if (nonAscii) name = this.checkNonAsciiIdentifier(name, start);
    this.pos = p;
    this.push(KEYWORDS.has(name) ? TokenType.Keyword : TokenType.Name, name, start, this.lineno, this.lineStart);
  }

  /** PEP 3131: identifiers are NFKC-normalised and must consist of XID characters. */
  checkNonAsciiIdentifier(raw: string, start: number): string {
    let i = 0;
    let first = true;
    for (const ch of raw) {
      const cp = ch.codePointAt(0) ?? 0;
      if (first ? !isIdentifierStartCodePoint(cp) && !isIdentifierStartCodePoint(ch.normalize("NFKC").codePointAt(0) ?? 0) : false) {
        this.invalidCharacter(start + i);
      }
      first = false;
      i += ch.length;
    }
    const norm = raw.normalize("NFKC");
    return norm;
  }

  // ---- numbers ----

  scanNumber(): void {
    const src = this.src;
    const start = this.pos;
    let p = start;
    const c0 = src.charCodeAt(p);
    const c1 = p + 1 < this.n ? src.charCodeAt(p + 1) | 0x20 : -1;
    if (c0 === Char._0 && (c1 === Char.x || c1 === Char.o || c1 === Char.b)) {
      p += 2;
      const kind = c1 === Char.x ? "hexadecimal" : c1 === Char.o ? "octal" : "binary";
      const ok = c1 === Char.x ? isHexDigit : c1 === Char.o ? (c: number) => c >= Char._0 && c <= Char._7 : (c: number) => c === Char._0 || c === Char._1;
      let digits = 0;
      for (;;) {
        let c = p < this.n ? src.charCodeAt(p) : -1;
        if (c === Char.Underscore) {
          p++;
          c = p < this.n ? src.charCodeAt(p) : -1;
          if (!ok(c)) {
            this.pos = p;
            this.failDigit(kind, c, p);
          }
        }
        if (!ok(c)) break;
        while (p < this.n && ok(src.charCodeAt(p))) {
          p++;
          digits++;
        }
      }
      if (digits === 0) {
        this.pos = p;
        this.failDigit(kind, p < this.n ? src.charCodeAt(p) : -1, p);
      }
      const c = p < this.n ? src.charCodeAt(p) : -1;
      if (isDigit(c) && kind !== "hexadecimal") this.failDigit(kind, c, p);
      this.verifyEndOfNumber(p, kind);
      this.pos = p;
      this.push(TokenType.Number, src.slice(start, p), start, this.lineno, this.lineStart);
      return;
    }
    if (c0 !== Char.Period) {
      p = this.scanDecimalDigits(p);
      if (c0 === Char._0) {
        // Only zeros are allowed in a decimal literal starting with 0 (unless it turns out to be a float).
        let zerosEnd = start;
        while (zerosEnd < p && (src.charCodeAt(zerosEnd) === Char._0 || src.charCodeAt(zerosEnd) === Char.Underscore)) zerosEnd++;
        const nonzero = zerosEnd < p;
        const c = p < this.n ? src.charCodeAt(p) : -1;
        if (nonzero && c !== Char.Period && (c | 0x20) !== Char.e && (c | 0x20) !== Char.j) {
          let ze = start;
          while (ze < p && (src.charCodeAt(ze) === Char._0 || src.charCodeAt(ze) === Char.Underscore)) ze++;
          throw this.errorAt("SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start, ze, false);
        }
      }
    }
    let c = p < this.n ? src.charCodeAt(p) : -1;
    if (c === Char.Period) {
      p++;
      c = p < this.n ? src.charCodeAt(p) : -1;
      if (isDigit(c)) {
        p = this.scanDecimalDigits(p);
        c = p < this.n ? src.charCodeAt(p) : -1;
      }
    }
    if ((c | 0x20) === Char.e) {
      const ePos = p;
      p++;
      c = p < this.n ? src.charCodeAt(p) : -1;
      if (c === Char.Plus || c === Char.Minus) {
        p++;
        c = p < this.n ? src.charCodeAt(p) : -1;
        if (!isDigit(c)) {
          this.pos = p;
          throw this.errorHere("invalid decimal literal", p);
        }
      } else if (!isDigit(c)) {
        // `1e` followed by something else: the number ends before the 'e' (then it is an invalid decimal literal).
        this.pos = ePos;
        this.verifyEndOfNumber(ePos, "decimal");
        this.pos = ePos;
        this.push(TokenType.Number, src.slice(start, ePos), start, this.lineno, this.lineStart);
        return;
      }
      p = this.scanDecimalDigits(p);
      c = p < this.n ? src.charCodeAt(p) : -1;
    }
    if ((c | 0x20) === Char.j) {
      p++;
      this.verifyEndOfNumber(p, "imaginary");
    } else {
      this.verifyEndOfNumber(p, "decimal");
    }
    this.pos = p;
    this.push(TokenType.Number, src.slice(start, p), start, this.lineno, this.lineStart);
  }

  scanDecimalDigits(p: number): number {
    const src = this.src;
    for (;;) {
      while (p < this.n && isDigit(src.charCodeAt(p))) p++;
      if (p < this.n && src.charCodeAt(p) === Char.Underscore) {
        p++;
        if (!(p < this.n && isDigit(src.charCodeAt(p)))) {
          this.pos = p;
          throw this.errorHere("invalid decimal literal", p);
        }
      } else return p;
    }
  }

  failDigit(kind: string, c: number, p: number): never {
    if (isDigit(c)) throw this.errorHere(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, p + 1);
    throw this.errorHere(`invalid ${kind} literal`, p);
  }

  /** CPython's verify_end_of_number: a number directly followed by an identifier character is an error (keywords only warn). */
  verifyEndOfNumber(p: number, kind: string): void {
    const src = this.src;
    const c = p < this.n ? src.charCodeAt(p) : -1;
    if (c < 0 || c >= 128) return;
    const rest = src.slice(p, p + 4);
    const kw =
      (c === Char.a && rest.startsWith("and")) ||
      (c === Char.e && rest.startsWith("else")) ||
      (c === Char.f && rest.startsWith("for")) ||
      (c === 105 && (rest.startsWith("if") || rest.startsWith("in") || rest.startsWith("is"))) ||
      (c === Char.o && rest.startsWith("or")) ||
      (c === Char.n && rest.startsWith("not"));
    if (kw) return;
    if (isAsciiIdentChar(c)) throw this.errorHere(`invalid ${kind} literal`, p);
  }

  // ---- strings ----

  /** Scans a non-f string starting at `start` (its prefix is `prefixLen` chars); escapes are decoded by the parser. */
  scanString(start: number, prefixLen: number): void {
    const src = this.src;
    const startLine = this.lineno;
    const startLineStart = this.lineStart;
    let p = start + prefixLen;
    const quote = src.charCodeAt(p);
    let triple = false;
    if (p + 2 < this.n && src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
      triple = true;
      p += 3;
    } else p++;
    for (;;) {
      if (p >= this.n) {
        this.pos = p;
        throw this.unterminatedString(start, startLine, startLineStart, triple, false);
      }
      const c = src.charCodeAt(p);
      if (c === quote) {
        if (!triple) {
          p++;
          break;
        }
        if (p + 2 < this.n && src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
          p += 3;
          break;
        }
        p++;
      } else if (c === Char.Backslash) {
        p++;
        if (p < this.n && src.charCodeAt(p) === Char.LineFeed) {
          this.lineno++;
          this.lineStart = p + 1;
        }
        p++;
      } else if (c === Char.LineFeed) {
        if (!triple) {
          this.pos = p;
          throw this.unterminatedString(start, startLine, startLineStart, false, false);
        }
        p++;
        this.lineno++;
        this.lineStart = p;
      } else p++;
    }
    this.pos = p;
    this.push(TokenType.String, src.slice(start, p), start, startLine, startLineStart);
  }

  unterminatedString(start: number, startLine: number, startLineStart: number, triple: boolean, fstring: boolean): TokenizerStop {
    // Inside an f-string replacement field a string with the f-string's own quote means a missing '}'.
    const mode = this.modes.length > 0 ? this.modes[this.modes.length - 1] : null;
    if (!fstring && mode !== null) {
      const fs = mode.kind === ModeKind.FString ? mode : mode.fstring;
      const q = this.src.charCodeAt(this.src.slice(start, start + 3).search(/['"]/) + start);
      if (fs.quote === q && fs.triple === triple) {
        return this.errorHere("f-string: expecting '}'", start + 1);
      }
    }
    const detected = this.pos >= this.n && this.src.endsWith("\n") ? this.lineno - 1 : this.lineno;
    const what = (triple ? "unterminated triple-quoted " : "unterminated ") + (fstring ? "f-string literal" : "string literal");
    const off = this.chars(startLineStart, start) + 1;
    const text = this.lineTextAt(startLineStart, false);
    return new TokenizerStop(new PySyntaxError("SyntaxError", `${what} (detected at line ${Math.max(detected, startLine)})`, this.filename, startLine, off, text, startLine, off));
  }

  unterminatedFString(fs: FStringMode): TokenizerStop {
    const { lineStart } = this.locate(fs.startIdx);
    const savedPos = this.pos;
    this.pos = Math.min(this.pos, this.n);
    const err = this.unterminatedString(fs.startIdx, fs.startLine, lineStart, fs.triple, true);
    this.pos = savedPos;
    return err;
  }

  // ---- f-strings ----

  startFString(start: number, raw: boolean): void {
    const src = this.src;
    let p = this.pos;
    const quote = src.charCodeAt(p);
    let triple = false;
    if (p + 2 < this.n && src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
      triple = true;
      p += 3;
    } else p++;
    this.pos = p;
    this.push(TokenType.FStringStart, src.slice(start, p), start, this.lineno, this.lineStart);
    this.modes.push({ kind: ModeKind.FString, quote, triple, raw, startIdx: start, startLine: this.lineno });
  }

  /** Scans literal text of an f-string (or of a format spec) up to '{', '}' or the closing quote. */
  scanFStringLiteral(mode: FStringMode | SpecMode): void {
    const src = this.src;
    const fs = mode.kind === ModeKind.FString ? mode : mode.fstring;
    const inSpec = mode.kind === ModeKind.Spec;
    const start = this.pos;
    const startLine = this.lineno;
    const startLineStart = this.lineStart;
    let p = this.pos;
    let text = "";
    let chunk = p;
    for (;;) {
      if (p >= this.n) {
        this.pos = p;
        throw this.unterminatedFString(fs);
      }
      const c = src.charCodeAt(p);
      if (c === fs.quote && (!fs.triple || (p + 2 < this.n && src.charCodeAt(p + 1) === c && src.charCodeAt(p + 2) === c))) {
        if (inSpec) {
          // The f-string ends inside a format spec: close it anyway (the parser reports the missing '}').
          this.pos = p;
          this.flushMiddle(text + src.slice(chunk, p), start, startLine, startLineStart);
          while (this.modes.length > 0 && this.modes[this.modes.length - 1] !== fs) {
            if (this.modes.pop()?.kind === ModeKind.Expr) this.parens.pop();
          }
          this.modes.pop();
          this.pos = p + (fs.triple ? 3 : 1);
          this.push(TokenType.FStringEnd, src.slice(p, this.pos), p, this.lineno, this.lineStart);
          return;
        }
        text += src.slice(chunk, p);
        this.pos = p;
        this.flushMiddle(text, start, startLine, startLineStart);
        const endStart = p;
        this.pos = p + (fs.triple ? 3 : 1);
        this.push(TokenType.FStringEnd, src.slice(endStart, this.pos), endStart, this.lineno, this.lineStart);
        this.modes.pop();
        return;
      }
      if (c === Char.OpenBrace) {
        if (!inSpec && p + 1 < this.n && src.charCodeAt(p + 1) === Char.OpenBrace) {
          text += src.slice(chunk, p + 1);
          p += 2;
          chunk = p;
          continue;
        }
        text += src.slice(chunk, p);
        this.pos = p;
        this.flushMiddle(text, start, startLine, startLineStart);
        if (this.parens.length >= MAX_PAREN_LEVEL) throw this.errorHere("too many nested parentheses", p + 1);
        if (inSpec) {
          let depth = 0;
          for (let k = this.modes.length - 1; k >= 0 && this.modes[k] !== fs; k--) if (this.modes[k].kind === ModeKind.Expr) depth++;
          if (depth >= 3) throw this.errorHere("f-string: expressions nested too deeply", p);
        }
        this.parens.push({ ch: c, lineno: this.lineno, idx: p });
        this.pos = p + 1;
        this.push(TokenType.Op, "{", p, this.lineno, this.lineStart);
        this.modes.push({ kind: ModeKind.Expr, level: this.parens.length, fstring: fs });
        return;
      }
      if (c === Char.CloseBrace) {
        if (inSpec) {
          // The '}' closes the replacement field that owns this format spec.
          text += src.slice(chunk, p);
          this.pos = p;
          this.flushMiddle(text, start, startLine, startLineStart);
          this.modes.pop();
          this.parens.pop();
          this.pos = p + 1;
          this.push(TokenType.Op, "}", p, this.lineno, this.lineStart);
          this.modes.pop();
          return;
        }
        if (p + 1 < this.n && src.charCodeAt(p + 1) === Char.CloseBrace) {
          text += src.slice(chunk, p + 1);
          p += 2;
          chunk = p;
          continue;
        }
        this.pos = p;
        throw this.errorHere("f-string: single '}' is not allowed", p + 1);
      }
      if (c === Char.LineFeed) {
        if (!fs.triple) {
          if (inSpec) {
            // A newline ends the format spec of a single-quoted f-string; the field must be closed next.
            text += src.slice(chunk, p);
            this.pos = p;
            this.flushMiddle(text, start, startLine, startLineStart);
            this.modes.pop();
            this.modes.push({ kind: ModeKind.Expr, level: this.parens.length, fstring: fs });
            return;
          }
          this.pos = p;
          throw this.unterminatedFString(fs);
        }
        p++;
        this.lineno++;
        this.lineStart = p;
        continue;
      }
      if (c === Char.Backslash && !fs.raw) {
        const next = p + 1 < this.n ? src.charCodeAt(p + 1) : -1;
        if (next === Char.N && p + 2 < this.n && src.charCodeAt(p + 2) === Char.OpenBrace) {
          // \N{NAME}: the braces belong to the escape (without a closing brace the parser reports it malformed).
          let close = p + 3;
          while (close < this.n) {
            const cc = src.charCodeAt(close);
            if (cc === Char.CloseBrace || cc === fs.quote || cc === Char.LineFeed) break;
            close++;
          }
          p = close < this.n && src.charCodeAt(close) === Char.CloseBrace ? close + 1 : p + 3;
          continue;
        }
        if (next === Char.OpenBrace || next === Char.CloseBrace) {
          p++;
          continue;
        }
        if (next === Char.LineFeed) {
          p += 2;
          this.lineno++;
          this.lineStart = p;
          continue;
        }
        p += next === -1 ? 1 : 2;
        continue;
      }
      if (c === Char.Backslash && fs.raw) {
        const next = p + 1 < this.n ? src.charCodeAt(p + 1) : -1;
        if (next === fs.quote || next === Char.Backslash) {
          p += 2;
          continue;
        }
        if (next === Char.LineFeed) {
          p += 2;
          this.lineno++;
          this.lineStart = p;
          continue;
        }
      }
      p++;
    }
  }

  flushMiddle(text: string, start: number, startLine: number, startLineStart: number): void {
    if (this.pos === start) return;
    this.push(TokenType.FStringMiddle, text, start, startLine, startLineStart);
  }
}
